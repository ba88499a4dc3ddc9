import { suggestOptions } from '../dnsmasq/options/option-suggest.js';
import type { ParsedOption } from '../dnsmasq/argv/parsed-argv.js';
import type { ManifestArg } from '../manifest/model.js';
import type { Fix, TextEdit } from './finding.js';
import type { InvocationFacts } from './invocation-facts.js';

/** Builds a fix from the reader's style-keeping edits; a builder that cannot place the edit yields no fix. */
function guarded(title: string, preferred: boolean, make: () => TextEdit | readonly TextEdit[]): Fix[] {
  try {
    const made = make();
    const edits = Array.isArray(made) ? (made as readonly TextEdit[]) : [made as TextEdit];
    return [{ title, edits, ...(preferred ? { preferred: true } : {}) }];
  } catch {
    return [];
  }
}

/**
 * Adds dnsmasq words after the invocation's last argument, in the list's own style. When the last option still
 * waits for its value (`--server` at the end), an appended word would become that value: the fix is then offered
 * but not preferred, so `--fix` leaves it to a human.
 */
export function appendWords(facts: InvocationFacts, words: readonly string[], title: string, preferred = true): Fix[] {
  const dangling = facts.argv.problems.some((p) => p.code === 'missing-argument');
  return guarded(title, preferred && !dangling, () => facts.invocation.insertion.append(words));
}

/** Appended to a message whose flag cannot be added by a fix: why it is left to a human. */
export function notFixableNote(facts: InvocationFacts): string {
  const why = facts.invocation.insertion.cannotAppend;
  return why ? ` Not fixed automatically: ${why}.` : '';
}

/** An unknown option that looks like a misspelling of `long` (`--no-negative-cache` for `no-negcache`), as written. */
export function misspelling(facts: InvocationFacts, long: string): string | undefined {
  for (const p of facts.argv.problems) {
    if (p.code !== 'unknown-option' || !p.token.startsWith('--')) continue;
    if (p.candidates?.includes(long) || suggestOptions(p.token).includes(long)) return facts.written(p.token.split('=')[0]!);
  }
  return undefined;
}

/** Rewrites one argv word in place, quoted as its siblings are. */
export function replaceWord(facts: InvocationFacts, tokenIndex: number, newWord: string, title: string, preferred = true): Fix[] {
  const arg = facts.arg(tokenIndex);
  if (!arg) return [];
  return guarded(title, preferred, () => facts.invocation.insertion.replace(arg, newWord));
}

/** Writes an option and its separate value word as one word (`--cache-size` `1000` -> `--cache-size=1000`). */
export function joinWords(facts: InvocationFacts, optionIndex: number, valueIndex: number, joined: string, title: string): Fix[] {
  const option = facts.arg(optionIndex);
  const value = facts.arg(valueIndex);
  if (!option || !value) return [];
  return guarded(title, true, () => [facts.invocation.insertion.replace(option, joined), facts.invocation.insertion.remove(value)]);
}

/** Removes one argv word with its list punctuation. */
export function removeWord(facts: InvocationFacts, tokenIndex: number, title: string, preferred = false): Fix[] {
  const arg: ManifestArg | undefined = facts.arg(tokenIndex);
  if (!arg) return [];
  return guarded(title, preferred, () => facts.invocation.insertion.remove(arg));
}

/** The neighbours' spelling of a flag: `-N` when most options are short, `--no-negcache` otherwise. */
export function flagFor(facts: InvocationFacts, long: string, short: string | undefined): string {
  return short && facts.style() === 'short' ? `-${short}` : `--${long}`;
}

/** Replaces an option's value (the tail of its word, or the whole next word) and keeps how the option was written. */
export function replaceValue(facts: InvocationFacts, option: ParsedOption, newValue: string, title: string, preferred = true): Fix[] {
  const index = option.valueTokenIndex ?? option.tokenIndex;
  const arg = facts.arg(index);
  if (!arg || option.value === undefined || !arg.text.endsWith(option.value)) return [];
  return replaceWord(facts, index, arg.text.slice(0, arg.text.length - option.value.length) + newValue, title, preferred);
}
