import type { Range } from '../../text/source-range.js';
import type { OptionSpec } from '../options/option-spec.js';

/** One option as getopt_long recognised it. */
export interface ParsedOption {
  readonly spec: OptionSpec;
  /** The option as written: `--no-neg`, `--server`, `-N` (for a bundle, the one letter with its dash). */
  readonly spelled: string;
  readonly form: 'long' | 'short';
  /** The value, or undefined when none was given (flags; optional-argument options without `=`). */
  readonly value: string | undefined;
  /** Source range of the option's name characters (`--no-neg`, or the letter of a bundle). */
  readonly nameRange: Range;
  /** Source range of the value characters, when there is a value. */
  readonly valueRange?: Range;
  /** Source range of the whole option including its value (spanning two words for `--server X`). */
  readonly range: Range;
  /** Index of the argv word holding the option name. */
  readonly tokenIndex: number;
  /** Index of the argv word holding the value when it was the next word (`--server X`, `-c 500`). */
  readonly valueTokenIndex?: number;
  /** How the value was attached. */
  readonly valueForm?: 'equals' | 'attached' | 'next-word';
  /** Maps an index inside `value` to a source offset (values may come from quoted or escaped scalars). */
  readonly mapValue?: (index: number) => number;
}

export type ArgvProblemCode =
  | 'unknown-option'
  | 'ambiguous-option'
  | 'missing-argument'
  | 'unexpected-argument'
  | 'repeated-option'
  | 'junk';

/** A getopt-level problem: dnsmasq refuses the argv before looking at any value. */
export interface ArgvProblem {
  readonly code: ArgvProblemCode;
  /** dnsmasq's message after `dnsmasq: `, e.g. `bad command line options: try --help`. */
  readonly message: string;
  /** Our explanation. */
  readonly explanation: string;
  /** The argv word at fault, as written. */
  readonly token: string;
  readonly tokenIndex: number;
  readonly range: Range;
  /** The option involved, when known (repeated, missing argument, unexpected argument). */
  readonly option?: OptionSpec;
  /** Long names an unknown or ambiguous option could have meant. */
  readonly candidates?: readonly string[];
}

export interface Positional {
  readonly text: string;
  readonly tokenIndex: number;
  readonly range: Range;
  /** After a `--` word. */
  readonly afterDoubleDash: boolean;
}

export interface ParsedArgv {
  /** Options in argv order. */
  readonly options: readonly ParsedOption[];
  /** Non-option words (GNU permutation moves them to the end; dnsmasq then calls non-blank ones junk). */
  readonly positionals: readonly Positional[];
  /** Problems in argv order. */
  readonly problems: readonly ArgvProblem[];
}
