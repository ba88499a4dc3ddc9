import { parseArgv } from './argv/argv.js';
import { validateOptionValue } from './options/option-values.js';
import type { ServerGrammarOptions } from './server/server.js';
import type { ArgvProblem, ParsedArgv } from './argv/parsed-argv.js';
import type { ArgToken, Range } from '../text/source-range.js';

/** What `dnsmasq --test` would say about an argv. */
export interface ArgvVerdict {
  readonly ok: boolean;
  /** dnsmasq's message without its `dnsmasq: ` prefix: `syntax check OK.`, `bad command line options: bad port`, ... */
  readonly message: string;
  /** The argv word dnsmasq stopped at, or null when it accepts the argv. */
  readonly token: string | null;
  /** Our explanation of the refusal. */
  readonly explanation?: string;
  readonly tokenIndex?: number;
  /** Source range of the characters at fault. */
  readonly range?: Range;
}

interface Refusal {
  readonly order: readonly [number, number];
  readonly verdict: ArgvVerdict;
}

const SYNTAX_OK = 'syntax check OK.';

export interface CheckOptions extends ServerGrammarOptions {
  /** The argv already parsed, to avoid parsing twice. */
  readonly parsed?: ParsedArgv;
}

/**
 * The verdict dnsmasq 2.90 gives: it acts on options in argv order and stops at the first refusal
 * (getopt errors, repeated once-options and bad values alike); junk words are only judged after every option.
 * `--help` and `--version` end parsing successfully when they are reached first.
 */
export function checkArgv(words: readonly (string | ArgToken)[], options: CheckOptions = {}): ArgvVerdict {
  const { parsed = parseArgv(words), ...grammar } = options;
  const tokenText = (index: number): string => {
    const w = words[index];
    return typeof w === 'string' ? w : (w?.text ?? '');
  };
  const refusals: Refusal[] = [];
  for (const problem of parsed.problems) {
    if (problem.code !== 'junk') refusals.push({ order: [problem.tokenIndex, problem.range.start], verdict: problemVerdict(problem) });
  }
  for (const option of parsed.options) {
    const order = [option.tokenIndex, option.nameRange.start] as const;
    if (option.spec.long === 'help' || option.spec.long === 'version') {
      refusals.push({ order, verdict: { ok: true, message: SYNTAX_OK, token: null } });
      continue;
    }
    const error = validateOptionValue(option.spec, option.value, option.form, grammar);
    if (!error) continue;
    refusals.push({
      order,
      verdict: {
        ok: false,
        message: `bad command line options: ${error.reason}`,
        token: tokenText(option.valueTokenIndex ?? option.tokenIndex),
        explanation: `${option.spelled}: ${error.explanation}`,
        tokenIndex: option.valueTokenIndex ?? option.tokenIndex,
        range: option.mapValue
          ? { start: option.mapValue(error.range.start), end: option.mapValue(error.range.end) }
          : option.nameRange,
      },
    });
  }
  refusals.sort((a, b) => a.order[0] - b.order[0] || a.order[1] - b.order[1]);
  const first = refusals[0];
  if (first) return first.verdict;
  const junk = parsed.problems.find((p) => p.code === 'junk');
  return junk ? problemVerdict(junk) : { ok: true, message: SYNTAX_OK, token: null };
}

function problemVerdict(problem: ArgvProblem): ArgvVerdict {
  const { message, token, explanation, tokenIndex, range } = problem;
  return { ok: false, message, token, explanation, tokenIndex, range };
}
