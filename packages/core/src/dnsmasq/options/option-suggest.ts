import { editDistance } from './option-suggest-distance.js';
import { OPTION_TABLE } from './option-table.js';

/** Words people write where dnsmasq's names use a shorter or other form; maps toward dnsmasq's word only. */
const WORD_FORMS: Readonly<Record<string, string>> = {
  negative: 'neg',
  caching: 'cache',
  cached: 'cache',
  addr: 'address',
  iface: 'interface',
  config: 'conf',
  configuration: 'conf',
};

/** Names that are not misspellings but another word for what an option does. */
const INTENT_ALIASES: Readonly<Record<string, readonly string[]>> = {
  debug: ['no-daemon', 'log-debug'],
  foreground: ['keep-in-foreground'],
  daemon: ['no-daemon', 'keep-in-foreground'],
  nameserver: ['server'],
  upstream: ['server'],
  'upstream-server': ['server'],
  'dns-server': ['server'],
  forward: ['server'],
  'log-file': ['log-facility'],
  log: ['log-queries', 'log-facility'],
  'query-log': ['log-queries'],
  verbose: ['log-queries'],
  'no-cache': ['cache-size', 'no-negcache'],
  'min-ttl': ['min-cache-ttl'],
  'cache-ttl': ['max-cache-ttl', 'min-cache-ttl'],
  'max-concurrent': ['dns-forward-max'],
  'config-file': ['conf-file'],
  'config-dir': ['conf-dir'],
};

/** Compares on words without dashes, case or plural endings: `log-query` and `log-queries` are the same key. */
function words(name: string): string[] {
  return name
    .toLowerCase()
    .split(/[-_\s]+/)
    .map((word) => WORD_FORMS[word] ?? word)
    .map((word) => (word.endsWith('ies') && word.length > 4 ? `${word.slice(0, -3)}y` : word))
    .map((word) => (word.endsWith('s') && !word.endsWith('ss') && word.length > 3 ? word.slice(0, -1) : word));
}

function key(name: string): string {
  return words(name).join('');
}

interface OptionKey {
  readonly long: string;
  readonly key: string;
  /** Offsets in `key` where a word starts: a written name may match from any of them (`negcache` in `no-negcache`). */
  readonly wordStarts: readonly number[];
}

function optionKey(long: string): OptionKey {
  const parts = words(long);
  const wordStarts = parts.map((_, i) => parts.slice(0, i).join('').length);
  return { long, key: parts.join(''), wordStarts };
}

const OPTION_KEYS: readonly OptionKey[] = OPTION_TABLE.map((spec) => optionKey(spec.long));

const ALIAS_KEYS: ReadonlyMap<string, readonly string[]> = new Map(
  Object.entries(INTENT_ALIASES).map(([alias, options]) => [key(alias), options]),
);

/** Lower is closer; undefined when the option is too far from what was written to be worth suggesting. */
function closeness(written: string, { key: option, wordStarts }: OptionKey): number | undefined {
  if (written === option) return 0;
  if (written.length >= 3 && option.startsWith(written)) return 1 + (option.length - written.length) / 100;
  const inside = wordStarts.some((start) => start > 0 && option.startsWith(written, start));
  if (written.length >= 5 && inside) return 1.5 + (option.length - written.length) / 100;
  if (option.length >= 5 && written.includes(option)) return 1.5 + (written.length - option.length) / 100;
  const distance = editDistance(written, option);
  const limit = Math.max(1, Math.floor(Math.max(written.length, option.length) / 4));
  return distance <= limit ? distance : undefined;
}

/**
 * Did-you-mean for a long option dnsmasq does not know: up to three long names (without dashes), best first.
 * Accepts the name with or without leading dashes and with a trailing `=value`, as it was written.
 */
export function suggestOptions(written: string): string[] {
  const name = written.replace(/^-+/, '').split('=')[0] ?? '';
  const wanted = key(name);
  if (wanted.length === 0 || OPTION_KEYS.some((o) => o.long === name)) return [];
  const ranked: { long: string; score: number; order: number }[] = [];
  (ALIAS_KEYS.get(wanted) ?? []).forEach((long, order) => ranked.push({ long, score: 0, order: -1 + order / 10 }));
  OPTION_KEYS.forEach((option, order) => {
    const score = closeness(wanted, option);
    if (score !== undefined) ranked.push({ long: option.long, score, order });
  });
  ranked.sort((a, b) => a.score - b.score || a.order - b.order);
  const suggestions: string[] = [];
  for (const { long } of ranked) {
    if (!suggestions.includes(long)) suggestions.push(long);
    if (suggestions.length === 3) break;
  }
  return suggestions;
}
