import { matchLongOption, optionByShort, optionIdentity } from '../options/option-lookup.js';
import { ambiguousLong, junk, missingArgument, repeatedOption, tryHelp, unknownLong } from './argv-problems.js';
import type { ArgvProblem, ParsedArgv, ParsedOption, Positional } from './parsed-argv.js';
import type { OptionSpec } from '../options/option-spec.js';
import { type ArgToken, type Range, tokenOffset, tokenRange, tokensFromWords } from '../../text/source-range.js';

/** Short options are ASCII letters and digits only (dnsmasq's getopt string names every one of them). */
const SHORT_LETTER = /^[A-Za-z0-9]$/;

/**
 * Parses a dnsmasq argv (without the program name) with GNU getopt_long's rules as dnsmasq 2.90 uses them.
 * Never throws: whatever dnsmasq would refuse at the getopt level becomes a problem carrying dnsmasq's message,
 * and parsing goes on so that every problem is reported.
 */
export function parseArgv(words: readonly (string | ArgToken)[]): ParsedArgv {
  const tokens = toTokens(words);
  const options: ParsedOption[] = [];
  const positionals: Positional[] = [];
  const problems: ArgvProblem[] = [];
  const seenOnce = new Map<string, ParsedOption>();

  const accept = (option: ParsedOption): void => {
    options.push(option);
    if (option.spec.repeat !== 'once') return;
    const identity = optionIdentity(option.spec);
    const first = seenOnce.get(identity);
    if (!first) {
      seenOnce.set(identity, option);
      return;
    }
    problems.push(repeatedOption(option, first, tokens[option.tokenIndex]!));
  };

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const text = token.text;
    if (text === '--') {
      for (let j = i + 1; j < tokens.length; j++) positionals.push(positional(tokens[j]!, j, true));
      break;
    }
    if (text.startsWith('--')) {
      i = parseLong(tokens, i, accept, problems);
    } else if (text.startsWith('-') && text.length > 1) {
      i = parseShortBundle(tokens, i, accept, problems);
    } else {
      positionals.push(positional(token, i, false));
    }
  }

  for (const p of positionals) if (!isBlank(p.text)) problems.push(junk(p));
  return { options, positionals, problems };
}

function parseLong(
  tokens: readonly ArgToken[],
  i: number,
  accept: (o: ParsedOption) => void,
  problems: ArgvProblem[],
): number {
  const token = tokens[i]!;
  const text = token.text;
  const eq = text.indexOf('=');
  const nameEnd = eq === -1 ? text.length : eq;
  const name = text.slice(2, nameEnd);
  const nameRange = tokenRange(token, 0, nameEnd);
  const match = matchLongOption(name);

  if (match.kind === 'unknown') {
    problems.push(unknownLong(name, token, i, nameRange));
    return i;
  }
  if (match.kind === 'ambiguous') {
    problems.push(ambiguousLong(name, match.candidates, token, i, nameRange));
    return i;
  }

  const spec = match.spec;
  const spelled = internSpelled(spec, text.slice(0, nameEnd));
  const base = { spec, spelled, form: 'long' as const, nameRange, tokenIndex: i };

  if (eq !== -1) {
    if (spec.arg === 'none') {
      problems.push(tryHelp('unexpected-argument', `--${spec.long} is a flag and takes no value.`, token, i, tokenRange(token, 0, text.length), { option: spec }));
      return i;
    }
    accept(new ArgvOption(spec, spelled, 'long', i, token, 0, nameEnd, text.slice(eq + 1), 'equals', token, eq + 1));
    return i;
  }

  if (spec.arg === 'required') return takeNextWord(tokens, i, base, 0, nameEnd, accept, problems);

  accept(new ArgvOption(spec, spelled, 'long', i, token, 0, nameEnd));
  return i;
}

function parseShortBundle(
  tokens: readonly ArgToken[],
  i: number,
  accept: (o: ParsedOption) => void,
  problems: ArgvProblem[],
): number {
  const token = tokens[i]!;
  const text = token.text;
  for (let j = 1; j < text.length; j++) {
    // Bundles are walked by UTF-16 unit; any non-ASCII unit is an unknown option, as getopt sees bytes.
    const letter = text[j]!;
    const spec = SHORT_LETTER.test(letter) ? optionByShort(letter) : undefined;
    const nameRange = tokenRange(token, j === 1 ? 0 : j, j + 1);
    if (!spec) {
      problems.push(tryHelp('unknown-option', `-${letter} is not a dnsmasq option.`, token, i, nameRange));
      continue;
    }
    const spelled = shortSpelled(letter);
    const base = { spec, spelled, form: 'short' as const, nameRange, tokenIndex: i };
    const nameFrom = j === 1 ? 0 : j;
    if (spec.shortArg !== 'required') {
      accept(new ArgvOption(spec, spelled, 'short', i, token, nameFrom, j + 1));
      continue;
    }
    if (j + 1 < text.length) {
      accept(new ArgvOption(spec, spelled, 'short', i, token, nameFrom, j + 1, text.slice(j + 1), 'attached', token, j + 1));
      return i;
    }
    return takeNextWord(tokens, i, base, nameFrom, j + 1, accept, problems);
  }
  return i;
}

type OptionBase = Pick<ParsedOption, 'spec' | 'spelled' | 'form' | 'nameRange' | 'tokenIndex'>;

/** A required value not attached to its option is the next word, whatever it looks like; returns the last word used. */
function takeNextWord(
  tokens: readonly ArgToken[],
  i: number,
  base: OptionBase,
  nameFrom: number,
  nameTo: number,
  accept: (o: ParsedOption) => void,
  problems: ArgvProblem[],
): number {
  const next = tokens[i + 1];
  if (!next) {
    problems.push(missingArgument(base.spec, base.spelled, tokens[i]!, i, base.nameRange));
    return i;
  }
  accept(new ArgvOption(base.spec, base.spelled, base.form, i, tokens[i]!, nameFrom, nameTo, next.text, 'next-word', next, 0, i + 1));
  return i + 1;
}

/**
 * One option, kept small: a list of 200,000 options kept three range objects and a closure each (300 bytes an
 * option). The ranges and the value map are made from the option's words when asked; each read makes a new object.
 */
class ArgvOption implements ParsedOption {
  constructor(
    readonly spec: OptionSpec,
    readonly spelled: string,
    readonly form: 'long' | 'short',
    readonly tokenIndex: number,
    private readonly token: ArgToken,
    private readonly nameFrom: number,
    private readonly nameTo: number,
    readonly value: string | undefined = undefined,
    readonly valueForm: 'equals' | 'attached' | 'next-word' | undefined = undefined,
    private readonly valueToken: ArgToken | undefined = undefined,
    private readonly valueFrom = 0,
    readonly valueTokenIndex: number | undefined = undefined,
  ) {}

  get nameRange(): Range {
    return tokenRange(this.token, this.nameFrom, this.nameTo);
  }

  get valueRange(): Range | undefined {
    const token = this.valueToken;
    return token ? tokenRange(token, this.valueFrom, token.text.length) : undefined;
  }

  get range(): Range {
    const token = this.valueToken;
    if (!token) return this.nameRange;
    return { start: tokenOffset(this.token, this.nameFrom), end: tokenOffset(token, token.text.length) };
  }

  get mapValue(): ((index: number) => number) | undefined {
    const token = this.valueToken;
    if (!token) return undefined;
    const from = this.valueFrom;
    return (index) => tokenOffset(token, from + index);
  }
}

/** `--server` as written in full is one string for every option that spells it so. */
const fullLong = new Map<OptionSpec, string>();
function internSpelled(spec: OptionSpec, spelled: string): string {
  if (spelled.length !== spec.long.length + 2) return spelled;
  let full = fullLong.get(spec);
  // Made from the table, never kept as a slice of some text (it would keep that text alive).
  if (full === undefined) fullLong.set(spec, (full = `--${spec.long}`));
  return full;
}

const shortNames = new Map<string, string>();
function shortSpelled(letter: string): string {
  let spelled = shortNames.get(letter);
  if (spelled === undefined) shortNames.set(letter, (spelled = `-${letter}`));
  return spelled;
}

function positional(token: ArgToken, tokenIndex: number, afterDoubleDash: boolean): Positional {
  return { text: token.text, tokenIndex, range: tokenRange(token, 0, token.text.length), afterDoubleDash };
}

/** C's isspace: what dnsmasq skips when it looks for junk after the options. */
function isBlank(text: string): boolean {
  return /^[ \t\n\v\f\r]*$/.test(text);
}

function toTokens(words: readonly (string | ArgToken)[]): ArgToken[] {
  if (words.every((w) => typeof w !== 'string')) return words as ArgToken[];
  const plain = tokensFromWords(words.map((w) => (typeof w === 'string' ? w : w.text)));
  return words.map((w, k) => (typeof w === 'string' ? plain[k]! : w));
}
