import { atoi, isDigits, numericValue } from '../numbers.js';
import { refuse, type ValueCheck, type ValueVerdict } from './option-values-verdict.js';
import { splitFirst, wholeValue, pieceRange } from '../server/server-split.js';

function notDigits(value: string, name: string): ValueVerdict {
  return refuse(value, `${name} takes a whole number written with digits only (no sign, blank or unit); '${value}' is not one.`);
}

/** Why a digit string reads as another number: C atoi wraps at 2^31. */
function readsAs(value: string): string {
  const n = atoi(value);
  return String(n) === value.replace(/^0+(?=.)/, '') ? '' : ` ('${value}' reads as ${n} after dnsmasq's 32-bit wrap-around)`;
}

/** Digits only; empty means 0. A missing value is fine unless `required`. */
export function digitsCheck(required = false): ValueCheck {
  return (value, name) => {
    if (value === undefined) {
      return required ? refuse(value, `${name} needs a value here: write ${name}=NUMBER.`) : undefined;
    }
    return isDigits(value) ? undefined : notDigits(value, name);
  };
}

/** Digits whose atoi value lies in `[min, max]` (after the wrap-around). */
export function boundedCheck(min: number, max: number, what: string): ValueCheck {
  return (value, name) => {
    if (value === undefined) return undefined;
    if (!isDigits(value)) return notDigits(value, name);
    const n = atoi(value);
    if (n >= min && n <= max) return undefined;
    return refuse(value, `${name} takes ${what} from ${min} to ${max}${readsAs(value)}.`);
  };
}

/** `--fast-dns-retry[=ms[,total-ms]]`: the first delay at least 50 ms, the total any number. */
export const fastDnsRetryCheck: ValueCheck = (value, name) => {
  if (value === undefined) return undefined;
  const split = splitFirst(wholeValue(value), ',');
  const first = split ? split.head : wholeValue(value);
  const ms = numericValue(first.text);
  if (ms === undefined || ms < 50) {
    const why = ms === undefined ? `'${first.text}' is not a number` : `${ms} ms is too short${readsAs(first.text)}`;
    return { ...refuse(value, `${name} wants the first retry delay in milliseconds, at least 50: ${why}.`), range: pieceRange(first) };
  }
  if (split && !isDigits(split.tail.text)) {
    return {
      ...refuse(value, `The total retry time after the comma must be digits only (milliseconds); '${split.tail.text}' is not.`),
      range: pieceRange(split.tail),
    };
  }
  return undefined;
};
