import type { OptionSpec } from '../options/option-spec.js';
import type { ArgvProblem, ArgvProblemCode, ParsedOption, Positional } from './parsed-argv.js';
import type { ArgToken, Range } from '../../text/source-range.js';

const TRY_HELP = 'bad command line options: try --help';

/** A getopt refusal: dnsmasq says only `try --help`, so the explanation carries the why. */
export function tryHelp(
  code: Exclude<ArgvProblemCode, 'repeated-option' | 'junk'>,
  explanation: string,
  token: ArgToken,
  tokenIndex: number,
  range: Range,
  extra: Pick<ArgvProblem, 'option' | 'candidates'> = {},
): ArgvProblem {
  return { code, message: TRY_HELP, explanation, token: token.text, tokenIndex, range, ...extra };
}

export function unknownLong(name: string, token: ArgToken, tokenIndex: number, range: Range): ArgvProblem {
  return tryHelp('unknown-option', `dnsmasq 2.90 has no option --${name}.`, token, tokenIndex, range);
}

export function ambiguousLong(name: string, candidates: readonly OptionSpec[], token: ArgToken, tokenIndex: number, range: Range): ArgvProblem {
  const names = candidates.map((c) => `--${c.long}`);
  const listed = names.length > 4 ? `${names.slice(0, 4).join(', ')} and ${names.length - 4} more` : names.join(', ');
  return tryHelp('ambiguous-option', `--${name} is ambiguous: it abbreviates ${listed}.`, token, tokenIndex, range, {
    candidates: candidates.map((c) => c.long),
  });
}

export function missingArgument(spec: OptionSpec, spelled: string, token: ArgToken, tokenIndex: number, range: Range): ArgvProblem {
  const explanation = `${spelled} needs a value${spec.metavar ? ` ${spec.metavar}` : ''}, and nothing follows it.`;
  return tryHelp('missing-argument', explanation, token, tokenIndex, range, { option: spec });
}

export function repeatedOption(option: ParsedOption, first: ParsedOption, token: ArgToken): ArgvProblem {
  return {
    code: 'repeated-option',
    message: 'bad command line options: illegal repeated flag',
    explanation: `${option.spelled} may be given only once; it was already given as ${first.spelled}.`,
    token: token.text,
    tokenIndex: option.tokenIndex,
    range: option.nameRange,
    option: option.spec,
  };
}

export function junk(p: Positional): ArgvProblem {
  return {
    code: 'junk',
    message: 'junk found in command line',
    explanation: p.afterDoubleDash
      ? `"${p.text}" follows "--", so it is not an option, and dnsmasq takes no other words.`
      : `"${p.text}" is not an option, and dnsmasq takes no other words. A value must be attached (--opt=value) or follow an option that requires one.`,
    token: p.text,
    tokenIndex: p.tokenIndex,
    range: p.range,
  };
}
