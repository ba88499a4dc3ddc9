import { dirname, join, parse as parsePath } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { formatVersion, parseCorednsVersion } from '../corefile/coredns-version.js';
import type { RuleSetting } from './lint-text.js';
import { RULE_CATALOG } from './rule-catalog.js';

/** The file name looked for at the repository root. */
export const CONFIG_FILE_NAMES = ['.kube-dns-tools.yaml', '.kube-dns-tools.yml'] as const;

const SETTINGS: readonly RuleSetting[] = ['off', 'error', 'warning', 'info', 'hint'];
const RULE_IDS = new Set(RULE_CATALOG.map((r) => r.id));

export interface LintConfig {
  /** `rules: { <rule id>: off | error | warning | info | hint }` */
  readonly rules: Readonly<Record<string, RuleSetting>>;
  /** `corednsVersion: 1.11.3`: what Corefiles are judged against when their file has no coredns image tag. */
  readonly corednsVersion?: string;
}

export interface ConfigParse {
  readonly config: LintConfig;
  /** Problems that made part of the file be ignored, each naming the place. */
  readonly problems: readonly string[];
}

/** Parses `.kube-dns-tools.yaml` text. Pure; bad parts are reported and skipped, never thrown. */
export function parseLintConfig(text: string, filePath: string = CONFIG_FILE_NAMES[0]): ConfigParse {
  const problems: string[] = [];
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch (error) {
    return { config: { rules: {} }, problems: [`${filePath}: not valid YAML: ${error instanceof Error ? error.message : String(error)}`] };
  }
  if (doc === null || doc === undefined) return { config: { rules: {} }, problems };
  if (typeof doc !== 'object' || Array.isArray(doc)) return { config: { rules: {} }, problems: [`${filePath}: expected a mapping with a "rules" key`] };
  const node = doc as Record<string, unknown>;
  for (const key of Object.keys(node)) if (!KEYS.includes(key)) problems.push(`${filePath}: unknown key "${key}" (only ${KEYS.map((k) => `"${k}"`).join(' and ')} are read)`);
  const version = parseVersionNode(node['corednsVersion'], filePath, problems);
  const rules: Record<string, RuleSetting> = {};
  const config = (): LintConfig => (version ? { rules, corednsVersion: version } : { rules });
  const rulesNode = node['rules'];
  if (rulesNode === undefined || rulesNode === null) return { config: config(), problems };
  if (typeof rulesNode !== 'object' || Array.isArray(rulesNode)) {
    return { config: config(), problems: [...problems, `${filePath}: "rules" must map rule ids to off|error|warning|info|hint`] };
  }
  for (const [id, value] of Object.entries(rulesNode as Record<string, unknown>)) {
    const setting = parseRuleSetting(value);
    if (!RULE_IDS.has(id)) problems.push(`${filePath}: rules.${id}: no such rule`);
    else if (!setting) problems.push(`${filePath}: rules.${id}: "${String(value)}" is not one of ${SETTINGS.join(', ')}`);
    else rules[id] = setting;
  }
  return { config: config(), problems };
}

const KEYS = ['rules', 'corednsVersion'];

/** `1.11.3`. Bad values are reported and ignored, never guessed. */
function parseVersionNode(value: unknown, filePath: string, problems: string[]): string | undefined {
  if (value === undefined || value === null) return undefined;
  // YAML reads a bare 1.10 as the number 1.1: which release was meant is lost, so ask for the full tag.
  if (typeof value === 'number') {
    problems.push(`${filePath}: corednsVersion: ${String(value)} was read as a number; write the full version, such as "1.11.3" (ignored)`);
    return undefined;
  }
  const version = typeof value === 'string' ? parseCorednsVersion(value) : undefined;
  if (version) return formatVersion(version);
  problems.push(`${filePath}: corednsVersion: "${String(value)}" is not a CoreDNS version such as 1.11.3 (ignored)`);
  return undefined;
}

/** `off`, `error`, ... (YAML 1.1 readers turn a bare off into false: accept that too). */
export function parseRuleSetting(value: unknown): RuleSetting | undefined {
  if (value === false) return 'off';
  return SETTINGS.find((s) => s === value);
}

/** The little of a file system the lookup needs, so the CLI passes `node:fs` and tests or the server their own. */
export interface ConfigFileSystem {
  /** The file's text, or undefined when it does not exist or cannot be read. */
  readFile(path: string): string | undefined;
  exists(path: string): boolean;
}

export interface FoundConfig extends ConfigParse {
  readonly path: string;
}

/**
 * Walks up from `startDir` to the repository root (the directory holding `.git`) or the file-system root,
 * and returns the first `.kube-dns-tools.yaml` met on the way.
 */
export function findLintConfig(startDir: string, fs: ConfigFileSystem): FoundConfig | undefined {
  let dir = startDir;
  for (let depth = 0; depth < 256; depth++) {
    for (const name of CONFIG_FILE_NAMES) {
      const path = join(dir, name);
      const text = fs.readFile(path);
      if (text !== undefined) return { path, ...parseLintConfig(text, path) };
    }
    if (fs.exists(join(dir, '.git'))) return undefined;
    const parent = dirname(dir);
    if (parent === dir || dir === parsePath(dir).root) return undefined;
    dir = parent;
  }
  return undefined;
}
