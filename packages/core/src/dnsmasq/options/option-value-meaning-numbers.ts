// Hover phrases for the numeric DNS options. Numbers are read as dnsmasq reads them (numbers.ts): digits only,
// empty = 0, C atoi wrap-around; the caps are the ones measured on dnsmasq 2.90.
import {
  CACHE_SIZE_MAX,
  MIN_CACHE_TTL_MAX,
  atoi,
  cacheSizeValue,
  isDigits,
  minCacheTtlValue,
  numericValue,
  port16Value,
  unsignedValue,
} from '../numbers.js';
import { effectivePacketMax } from '../../dns/wire/edns-size.js';

export type ValueDescriber = (value: string | undefined) => string | undefined;

const NOT_A_NUMBER = 'not a number: dnsmasq accepts digits only and refuses this value';
const NOT_A_PORT = 'not a port: dnsmasq accepts 0-65535 and refuses this value';

/** A note when dnsmasq will not read the digits as the number they spell (empty, or wrapped past 2^31). */
function readAs(value: string, result: number): string {
  if (value === '') return ' (an empty value counts as 0)';
  return BigInt(value) === BigInt(result) ? '' : ` (${value} wraps around to ${result} in dnsmasq)`;
}

/** Wraps a describer of a plain number: refuses non-digits, adds the wrap-around note. */
function numeric(read: (value: string) => number | undefined, phrase: (n: number) => string): ValueDescriber {
  return (value) => {
    if (value === undefined) return undefined;
    const n = read(value);
    if (n === undefined) return isDigits(value) ? NOT_A_PORT : NOT_A_NUMBER;
    return `${phrase(n)}${readAs(value, n)}`;
  };
}

function cacheSize(value: string | undefined): string | undefined {
  if (value === undefined) return 'a value is required: `--cache-size=N` (dnsmasq refuses the bare option)';
  const n = cacheSizeValue(value);
  if (n === undefined) return NOT_A_NUMBER;
  const raw = atoi(value);
  if (n === 0) return raw < 0 ? `caching disabled (${value} wraps around to a negative number)` : `caching disabled${readAs(value, 0)}`;
  if (raw > CACHE_SIZE_MAX) return `cache up to ${CACHE_SIZE_MAX} records (dnsmasq clamps larger values)`;
  return `cache up to ${n} records${readAs(value, n)}`;
}

function minCacheTtl(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const n = minCacheTtlValue(value);
  if (n === undefined) return NOT_A_NUMBER;
  const raw = atoi(value);
  if (raw < 0 || raw > MIN_CACHE_TTL_MAX) {
    return `records stay cached at least ${MIN_CACHE_TTL_MAX} s (${value} is clamped to ${MIN_CACHE_TTL_MAX} s)`;
  }
  if (n === 0) return `no minimum: records are cached for their own TTL${readAs(value, 0)}`;
  return `records stay cached at least ${n} s, even those with TTL 0 and negative answers without an SOA${readAs(value, n)}`;
}

const positive = (what: (n: number) => string): ((n: number) => string) => (n) =>
  n >= 1 ? what(n) : `dnsmasq refuses ${n}: at least 1 is needed`;

export const NUMERIC_VALUE_MEANINGS: Readonly<Record<string, ValueDescriber>> = {
  'cache-size': cacheSize,
  'min-cache-ttl': minCacheTtl,
  'neg-ttl': numeric(unsignedValue, (n) =>
    n === 0
      ? 'negative answers without an SOA get no lifetime from this option (a CNAME chain\'s TTL may still apply)'
      : `negative answers without an SOA are cached for ${n} s`),
  'max-cache-ttl': numeric(unsignedValue, (n) =>
    n === 0 ? 'no cap: records are cached for their full TTL' : `records stay cached at most ${n} s`),
  'max-ttl': numeric(unsignedValue, (n) =>
    n === 0 ? 'no cap on the TTLs sent to clients' : `clients are given TTLs of at most ${n} s`),
  'local-ttl': numeric(unsignedValue, (n) =>
    n === 0 ? 'local answers carry TTL 0, so clients do not cache them' : `local answers (hosts files, --address) carry TTL ${n} s`),
  // Measured with dnsmasq 2.90: 0 and -1 refuse every forward; lower values fail the start-up allocation (exit 4).
  'dns-forward-max': numeric(numericValue, (n) =>
    n < -1
      ? 'dnsmasq fails to start ("could not get memory")'
      : n <= 0
        ? 'every forwarded query is refused'
        : `at most ${n} forwarded queries in flight per server group; more are refused`),
  port: numeric(port16Value, (n) => (n === 0 ? 'DNS disabled' : `serve DNS on port ${n}`)),
  'query-port': numeric(port16Value, (n) =>
    n === 0 ? 'upstream queries all use one port chosen by the system' : `all upstream queries leave from UDP port ${n} (no random source ports)`),
  'min-port': numeric(port16Value, (n) => `upstream queries use source ports from ${n} up`),
  'max-port': numeric(port16Value, (n) => `upstream queries use source ports up to ${n}`),
  'edns-packet-max': numeric(numericValue, (n) => {
    const used = effectivePacketMax(n);
    const note = used === n ? '' : n >= 0 && n < 65536 ? ' (dnsmasq raises smaller values to 512)' : ` (dnsmasq keeps ${n} modulo 65536)`;
    return `EDNS UDP payloads are limited to ${used} bytes${note}`;
  }),
  'max-tcp-connections': numeric(numericValue, positive((n) => `at most ${n} TCP connections are served at once`)),
  'port-limit': numeric(numericValue, positive((n) => `one query may use up to ${n} random source ports`)),
};
