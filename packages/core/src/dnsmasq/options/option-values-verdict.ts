import type { Range } from '../../text/source-range.js';

/** dnsmasq's refusal of one option value. */
export interface ValueVerdict {
  /** dnsmasq's reason, as printed after `bad command line options: ` (`try --help`, `bad log facility`, ...). */
  readonly reason: string;
  /** Our explanation for a human. */
  readonly explanation: string;
  /** Offsets inside the value of the characters at fault (an empty range at 0 when there is no value). */
  readonly range: Range;
}

/** Checks one value; `name` is the option as the user wrote it (`--cache-size` or `-c`), for messages. */
export type ValueCheck = (value: string | undefined, name: string) => ValueVerdict | undefined;

const GENERIC_REASON = 'try --help';

function wholeRange(value: string | undefined): Range {
  return { start: 0, end: value?.length ?? 0 };
}

export function refuse(value: string | undefined, explanation: string, reason = GENERIC_REASON): ValueVerdict {
  return { reason, explanation, range: wholeRange(value) };
}
