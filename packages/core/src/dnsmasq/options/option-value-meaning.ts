import { NUMERIC_VALUE_MEANINGS } from './option-value-meaning-numbers.js';
import { TEXT_VALUE_MEANINGS } from './option-value-meaning-text.js';

const MEANINGS = { ...NUMERIC_VALUE_MEANINGS, ...TEXT_VALUE_MEANINGS };

/**
 * What the value given to a DNS option means to dnsmasq 2.90, as a short phrase for hover
 * (`--cache-size=0` -> "caching disabled"). `value` is undefined when the option was written without one.
 * Undefined for options without a phrase (flags, DHCP/TFTP options, and the --server family, which has its own).
 */
export function describeOptionValue(long: string, value: string | undefined): string | undefined {
  const describe = Object.hasOwn(MEANINGS, long) ? MEANINGS[long] : undefined;
  return describe?.(value);
}

/** The long options describeOptionValue has phrases for. */
export const DESCRIBED_OPTIONS: readonly string[] = Object.keys(MEANINGS);
