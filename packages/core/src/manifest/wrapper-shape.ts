import { optionByLong, optionByShort } from '../dnsmasq/options/option-lookup.js';
import { isNannyFlag } from './container-kind.js';
import { hasPlaceholder } from './placeholder.js';

/** A word dnsmasq 2.90 reads as one of its options: `--long[=value]` by its exact name, or `-X...` by a known short letter. */
function isDnsmasqOptionWord(word: string): boolean {
  if (word.startsWith('--')) return word.length > 2 && optionByLong(word.slice(2).split('=')[0]!) !== undefined;
  return word.length >= 2 && word[0] === '-' && optionByShort(word[1]!) !== undefined;
}

/** Words that read as a dnsmasq argv: they start with an option, and every word that looks like an option is one of dnsmasq's. */
export function readsAsDnsmasqArgv(words: readonly string[]): boolean {
  if (words.length === 0 || !words[0]!.startsWith('-')) return false;
  return words.every((w) => !w.startsWith('-') || w === '-' || isDnsmasqOptionWord(w));
}

/**
 * The index of the lone `--` of a wrapper (`CONTROLLER-FLAGS -- DNSMASQ-ARGS`: the kube-dns nanny, a dnsmasq
 * controller, an operator), or -1. A wrapper's own flags come first, so at least one of them must not be a dnsmasq
 * option (or all are nanny flags); what follows `--` must read as a dnsmasq argv.
 */
export function wrapperSeparator(words: readonly string[]): number {
  const separator = words.indexOf('--');
  if (separator <= 0) return -1;
  const before = words.slice(0, separator);
  const ownFlags = before.every(isNannyFlag) || before.some((w) => !isDnsmasqOptionWord(w));
  return ownFlags && readsAsDnsmasqArgv(words.slice(separator + 1)) ? separator : -1;
}

/** Long options no other common program has: two of them make an argv dnsmasq's whatever the image is called. */
const DNSMASQ_ONLY: ReadonlySet<string> = new Set([
  'keep-in-foreground', 'no-resolv', 'no-negcache', 'log-queries', 'log-facility', 'no-hosts', 'addn-hosts', 'conf-dir',
  'dhcp-range', 'dhcp-host', 'dhcp-option', 'dhcp-boot', 'strict-order', 'all-servers', 'bogus-priv', 'domain-needed',
  'neg-ttl', 'resolv-file', 'dns-forward-max', 'no-poll', 'bind-interfaces', 'bind-dynamic', 'expand-hosts', 'local-ttl',
  'log-dhcp', 'enable-tftp', 'tftp-root', 'dns-loop-detect', 'stop-dns-rebind', 'rebind-localhost-ok', 'min-cache-ttl',
  'max-cache-ttl', 'local-service', 'dhcp-authoritative',
]);

/** One of those options written in a text: a document naming no dnsmasq may still run it under another image name. */
export const DNSMASQ_ONLY_OPTION = new RegExp(`--(?:${[...DNSMASQ_ONLY].join('|')})\\b`);

/**
 * Args of an image that does not say what it runs (a chart's `{{ .Values.image.repository }}`, `myorg/dns:2`) that
 * are plainly dnsmasq's: every option word, templated ones aside, is a dnsmasq option, and two are dnsmasq's alone.
 */
export function distinctlyDnsmasqArgv(words: readonly string[]): boolean {
  const seen = words.filter((w) => !hasPlaceholder(w));
  if (!readsAsDnsmasqArgv(seen)) return false;
  const own = new Set(seen.filter((w) => w.startsWith('--')).map((w) => w.slice(2).split('=')[0]!).filter((n) => DNSMASQ_ONLY.has(n)));
  return own.size >= 2;
}
