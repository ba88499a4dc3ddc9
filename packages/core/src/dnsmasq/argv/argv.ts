import { matchLongOption, optionByShort, optionIdentity } from '../options/option-lookup.js';
import { ambiguousLong, junk, missingArgument, repeatedOption, tryHelp, unknownLong } from './argv-problems.js';
import type { ArgvProblem, ParsedArgv, ParsedOption, Positional } from './parsed-argv.js';
import { type ArgToken, tokenOffset, tokenRange, tokensFromWords } from '../source-range.js';

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
  const spelled = text.slice(0, nameEnd);
  const base = { spec, spelled, form: 'long' as const, nameRange, tokenIndex: i };

  if (eq !== -1) {
    if (spec.arg === 'none') {
      problems.push(tryHelp('unexpected-argument', `--${spec.long} is a flag and takes no value.`, token, i, tokenRange(token, 0, text.length), { option: spec }));
      return i;
    }
    const valueRange = tokenRange(token, eq + 1, text.length);
    accept({ ...base, value: text.slice(eq + 1), valueRange, valueForm: 'equals', mapValue: valueMap(token, eq + 1), range: tokenRange(token, 0, text.length) });
    return i;
  }

  if (spec.arg === 'required') return takeNextWord(tokens, i, base, accept, problems);

  accept({ ...base, value: undefined, range: nameRange });
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
    const spelled = `-${letter}`;
    const base = { spec, spelled, form: 'short' as const, nameRange, tokenIndex: i };
    if (spec.shortArg !== 'required') {
      accept({ ...base, value: undefined, range: nameRange });
      continue;
    }
    if (j + 1 < text.length) {
      const valueRange = tokenRange(token, j + 1, text.length);
      accept({
        ...base,
        value: text.slice(j + 1),
        valueRange,
        valueForm: 'attached',
        mapValue: valueMap(token, j + 1),
        range: { start: nameRange.start, end: valueRange.end },
      });
      return i;
    }
    return takeNextWord(tokens, i, base, accept, problems);
  }
  return i;
}

type OptionBase = Pick<ParsedOption, 'spec' | 'spelled' | 'form' | 'nameRange' | 'tokenIndex'>;

/** A required value not attached to its option is the next word, whatever it looks like; returns the last word used. */
function takeNextWord(
  tokens: readonly ArgToken[],
  i: number,
  base: OptionBase,
  accept: (o: ParsedOption) => void,
  problems: ArgvProblem[],
): number {
  const next = tokens[i + 1];
  if (!next) {
    problems.push(missingArgument(base.spec, base.spelled, tokens[i]!, i, base.nameRange));
    return i;
  }
  const valueRange = tokenRange(next, 0, next.text.length);
  accept({
    ...base,
    value: next.text,
    valueRange,
    valueForm: 'next-word',
    valueTokenIndex: i + 1,
    mapValue: valueMap(next, 0),
    range: { start: base.nameRange.start, end: valueRange.end },
  });
  return i + 1;
}

function valueMap(token: ArgToken, from: number): (index: number) => number {
  return (index) => tokenOffset(token, from + index);
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
