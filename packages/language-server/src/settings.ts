import { formatVersion, parseCorednsVersion } from '@kube-dns-tools/core/corefile';
import { RULE_SETTINGS, type KubeDnsToolsSettings, type RuleSetting } from './protocol.js';

/** Settings after validation: every field present, every value sane. */
export interface EffectiveSettings {
  enable: boolean;
  rules: Record<string, RuleSetting>;
  /** A valid CoreDNS version (`1.11.3`), or undefined: then `.kube-dns-tools.yaml` or nothing decides. */
  corednsVersion: string | undefined;
  lintDelayMs: number;
  lintTimeoutMs: number;
}

export const DEFAULT_SETTINGS: EffectiveSettings = {
  enable: true,
  rules: {},
  corednsVersion: undefined,
  lintDelayMs: 200,
  lintTimeoutMs: 20_000,
};

function boundedNumber(value: unknown, min: number, max: number, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? Math.min(max, Math.max(min, value)) : fallback;
}

/** `1.11.3` or `v1.11`; an empty or malformed value is no version (the VS Code setting's pattern says why). */
function corednsVersionOf(value: unknown): string | undefined {
  const version = typeof value === 'string' ? parseCorednsVersion(value) : undefined;
  return version ? formatVersion(version) : undefined;
}

/** Accepts whatever a client sends (null, wrong types, dotted keys) and keeps only the valid parts. */
export function normaliseSettings(raw: unknown): EffectiveSettings {
  if (raw === null || typeof raw !== 'object') return { ...DEFAULT_SETTINGS, rules: {} };
  const input = raw as KubeDnsToolsSettings & Record<string, unknown>;
  const rules: Record<string, RuleSetting> = {};
  const addRule = (id: string, value: unknown) => {
    if (typeof value === 'string' && (RULE_SETTINGS as readonly string[]).includes(value)) {
      rules[id] = value as RuleSetting;
    }
  };
  if (input.rules && typeof input.rules === 'object') {
    for (const [id, value] of Object.entries(input.rules)) addRule(id, value);
  }
  // Clients without VS Code's nesting send `"rules.no-negcache": "off"` flat.
  for (const [key, value] of Object.entries(input)) {
    if (key.startsWith('rules.')) addRule(key.slice('rules.'.length), value);
  }
  return {
    enable: typeof input.enable === 'boolean' ? input.enable : DEFAULT_SETTINGS.enable,
    rules,
    corednsVersion: corednsVersionOf(input.corednsVersion),
    lintDelayMs: boundedNumber(input.lintDelayMs, 0, 10_000, DEFAULT_SETTINGS.lintDelayMs),
    lintTimeoutMs: boundedNumber(input.lintTimeoutMs, 100, 600_000, DEFAULT_SETTINGS.lintTimeoutMs),
  };
}
