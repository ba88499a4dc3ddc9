import { findLintConfig, nodeConfigFileSystem } from '@kube-dns-tools/core/lint';
import type { RuleSetting } from '@kube-dns-tools/core/lint';

interface DirConfig {
  readonly rules: Readonly<Record<string, RuleSetting>>;
  readonly corednsVersion: string | undefined;
  /** Problems of the config file, given once per config file. */
  readonly problems: readonly string[];
}

const byDir = new Map<string, DirConfig & { readonly path: string | undefined }>();
const reported = new Set<string>();

/** The `.kube-dns-tools.yaml` rule settings and CoreDNS version that apply to files in a directory (looked up once per directory). */
export function configFor(dir: string): DirConfig {
  let entry = byDir.get(dir);
  if (!entry) {
    const found = findLintConfig(dir, nodeConfigFileSystem);
    entry = { path: found?.path, rules: found?.config.rules ?? {}, corednsVersion: found?.config.corednsVersion, problems: found?.problems ?? [] };
    byDir.set(dir, entry);
  }
  const { rules, corednsVersion } = entry;
  if (!entry.path || reported.has(entry.path)) return { rules, corednsVersion, problems: [] };
  reported.add(entry.path);
  return { rules, corednsVersion, problems: entry.problems };
}
