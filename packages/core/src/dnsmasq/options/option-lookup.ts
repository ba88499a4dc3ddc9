import type { OptionSpec } from './option-spec.js';
import { OPTION_TABLE } from './option-table.js';

const byLong = new Map<string, OptionSpec>();
const byShort = new Map<string, OptionSpec>();
for (const spec of OPTION_TABLE) {
  if (!byLong.has(spec.long)) byLong.set(spec.long, spec);
  if (spec.short && !byShort.has(spec.short)) byShort.set(spec.short, spec);
}

export function optionByLong(name: string): OptionSpec | undefined {
  return byLong.get(name);
}

/** The option a short letter stands for (the first table row with that letter, as getopt returns its value). */
export function optionByShort(letter: string): OptionSpec | undefined {
  return byShort.get(letter);
}

/**
 * The identity dnsmasq gives an option internally: long names that share a short letter are one option
 * (`--domain` and `--domain-suffix` are both `-s`), which is what repetition and ambiguity are judged on.
 */
export function optionIdentity(spec: OptionSpec): string {
  return spec.short ? `-${spec.short}` : `--${spec.long}`;
}

export type LongMatch =
  | { readonly kind: 'exact' | 'prefix'; readonly spec: OptionSpec }
  | { readonly kind: 'ambiguous'; readonly candidates: readonly OptionSpec[] }
  | { readonly kind: 'unknown' };

/**
 * Resolves a long name as glibc's getopt_long does: an exact name wins; otherwise an abbreviation is accepted
 * when all options it could stand for are the same option (same argument kind and identity); the first in table order is taken.
 */
export function matchLongOption(name: string): LongMatch {
  const exact = byLong.get(name);
  if (exact) return { kind: 'exact', spec: exact };
  const candidates = OPTION_TABLE.filter((spec) => spec.long.startsWith(name));
  const first = candidates[0];
  if (!first) return { kind: 'unknown' };
  const ambiguous = candidates.some((c) => c.arg !== first.arg || optionIdentity(c) !== optionIdentity(first));
  return ambiguous ? { kind: 'ambiguous', candidates } : { kind: 'prefix', spec: first };
}
