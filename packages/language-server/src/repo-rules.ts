import { dirname } from 'node:path';
import { type ConfigFileSystem, findLintConfig, nodeConfigFileSystem } from '@kube-dns-tools/core/lint';
import type { RuleSetting } from '@kube-dns-tools/core/lint';

/** A looked-up config stays trusted this long; clients with file watchers also clear it on change. */
const FRESH_MS = 2000;

/** Rule severities (and the CoreDNS version) from the repository's `.kube-dns-tools.yaml` (found by core's lookup), cached per directory. */
export class RepoRules {
  private readonly cache = new Map<string, { at: number; rules: Record<string, RuleSetting>; corednsVersion: string | undefined }>();
  private readonly reported = new Set<string>();

  constructor(
    private readonly logError: (message: string) => void,
    private readonly fs: ConfigFileSystem = nodeConfigFileSystem,
  ) {}

  rulesFor(filePath: string | undefined): Record<string, RuleSetting> {
    return this.configFor(filePath).rules;
  }

  /** `corednsVersion` of the repository's `.kube-dns-tools.yaml`, when it has a valid one. */
  corednsVersionFor(filePath: string | undefined): string | undefined {
    return this.configFor(filePath).corednsVersion;
  }

  private configFor(filePath: string | undefined): { rules: Record<string, RuleSetting>; corednsVersion: string | undefined } {
    if (!filePath) return { rules: {}, corednsVersion: undefined };
    const dir = dirname(filePath);
    const hit = this.cache.get(dir);
    if (hit && Date.now() - hit.at < FRESH_MS) return hit;
    let rules: Record<string, RuleSetting> = {};
    let corednsVersion: string | undefined;
    try {
      const found = findLintConfig(dir, this.fs);
      if (found) {
        rules = { ...found.config.rules };
        corednsVersion = found.config.corednsVersion;
        for (const problem of found.problems) {
          if (!this.reported.has(problem)) this.logError(problem);
          this.reported.add(problem);
        }
      }
    } catch (error) {
      this.logError(`reading .kube-dns-tools.yaml for ${filePath} failed: ${String(error)}`);
    }
    const entry = { at: Date.now(), rules, corednsVersion };
    this.cache.set(dir, entry);
    return entry;
  }

  clear(): void {
    this.cache.clear();
  }
}
