import { optionByLong, optionByShort } from '../dnsmasq/options/option-lookup.js';
import { isNannyFlag } from './container-kind.js';

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
