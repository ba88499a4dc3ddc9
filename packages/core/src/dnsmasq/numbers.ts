/**
 * Numbers the way dnsmasq 2.90 reads them from its command line: digits only (no sign, blank or
 * suffix), an empty value counts as 0, and the digits go through C `atoi` on 64-bit glibc, so values
 * past 2^31 wrap modulo 2^32 and values past 2^63 saturate before wrapping (to -1).
 */

/** Largest cache dnsmasq 2.90 builds: bigger `--cache-size` values are silently lowered to this. */
export const CACHE_SIZE_MAX = 5_000_000;
/** `--min-cache-ttl` above this is silently lowered to it. */
export const MIN_CACHE_TTL_MAX = 3600;
/** `--log-async` queue length cap. */
export const LOG_ASYNC_MAX = 100;

const LONG_MAX = (1n << 63n) - 1n;

export function isDigits(text: string): boolean {
  return /^[0-9]*$/.test(text);
}

/** C `atoi` of a digit string (as `(int) strtol(...)` on a 64-bit glibc). */
export function atoi(digits: string): number {
  const trimmed = digits.replace(/^0+/, '');
  if (trimmed === '') return 0;
  const wide = trimmed.length > 19 ? LONG_MAX : BigInt(trimmed);
  return Number(BigInt.asIntN(32, wide > LONG_MAX ? LONG_MAX : wide));
}

/** dnsmasq's `atoi_check`: the number when `value` is digits only (empty = 0), else undefined. */
export function numericValue(value: string): number | undefined {
  return isDigits(value) ? atoi(value) : undefined;
}

/** dnsmasq's 16-bit check (ports): digits only and 0..65535 after the atoi wrap-around. */
export function port16Value(value: string): number | undefined {
  const n = numericValue(value);
  return n !== undefined && n >= 0 && n <= 0xffff ? n : undefined;
}

/** `--cache-size`: negative (wrapped) values become 0, large ones the 5,000,000 cap. */
export function cacheSizeValue(value: string): number | undefined {
  const n = numericValue(value);
  if (n === undefined) return undefined;
  return Math.min(Math.max(n, 0), CACHE_SIZE_MAX);
}

/** `--min-cache-ttl`: capped at 3600 seconds. */
export function minCacheTtlValue(value: string): number | undefined {
  const n = numericValue(value);
  if (n === undefined) return undefined;
  return n < 0 || n > MIN_CACHE_TTL_MAX ? MIN_CACHE_TTL_MAX : n;
}

/**
 * TTL-like options (`--neg-ttl`, `--max-ttl`, `--max-cache-ttl`, `--local-ttl`) are stored unsigned:
 * a wrapped negative int reads back as its unsigned 32-bit value.
 */
export function unsignedValue(value: string): number | undefined {
  const n = numericValue(value);
  return n === undefined ? undefined : n >>> 0;
}
