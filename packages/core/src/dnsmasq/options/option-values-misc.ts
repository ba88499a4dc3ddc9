import { parseIpStrict } from '../ip-literal.js';
import { listItems } from './option-values-rr-types.js';
import { refuse, type ValueCheck } from './option-values-verdict.js';
import { numericValue } from '../numbers.js';
import { pieceRange, splitFirst, wholeValue } from '../server/server-split.js';

/** Facility names of glibc's syslog (`facilitynames`), which dnsmasq compares case-insensitively. */
export const SYSLOG_FACILITIES: ReadonlySet<string> = new Set([
  'auth', 'authpriv', 'cron', 'daemon', 'ftp', 'kern', 'lpr', 'mail', 'mark', 'news', 'security',
  'syslog', 'user', 'uucp', 'local0', 'local1', 'local2', 'local3', 'local4', 'local5', 'local6', 'local7',
]);

/** `--log-facility`: `-` (stderr), anything with a `/` (a file), or a syslog facility name. */
export const logFacilityCheck: ValueCheck = (value, name) => {
  if (value === undefined || value === '-' || value.includes('/')) return undefined;
  if (SYSLOG_FACILITIES.has(value.toLowerCase())) return undefined;
  const explanation = `${name}: '${value}' is neither '-' (stderr), a file path (it must contain '/', e.g. /dev/stdout) nor a syslog facility such as daemon or local0.`;
  return refuse(value, explanation, 'bad log facility');
};

/** `--local-service[=host|net]`, exactly these lower-case words. */
export const localServiceCheck: ValueCheck = (value, name) => {
  if (value === undefined || value === 'host' || value === 'net') return undefined;
  return refuse(value, `${name} takes no value, '=host' or '=net'; '${value}' is none of them.`);
};

/** `--listen-address`: comma list of plain IPv4/IPv6 literals (no names, no scope, no prefix). */
export const listenAddressCheck: ValueCheck = (value, name) => {
  if (value === undefined) return undefined;
  for (const item of listItems(value)) {
    if (parseIpStrict(item.text)) continue;
    const what = item.text === '' ? 'an empty item' : `'${item.text}'`;
    const explanation = `${name} takes IP addresses separated by commas (like 127.0.0.1,::1); ${what} is not one, and dnsmasq does not resolve names here.`;
    return { ...refuse(value, explanation), range: pieceRange(item) };
  }
  return undefined;
};

/** `--bogus-nxdomain` / `--ignore-address`: one IP literal, optionally `/prefix` (digits, 0..32 or 0..128). */
export const addressPrefixCheck: ValueCheck = (value, name) => {
  if (value === undefined) return undefined;
  const split = splitFirst(wholeValue(value), '/');
  const address = split ? split.head : wholeValue(value);
  const ip = parseIpStrict(address.text);
  if (!ip) {
    const explanation = `${name} takes one IP address, optionally with /prefix (like 192.0.2.1 or 192.0.2.0/24); '${address.text}' is not one.`;
    return { ...refuse(value, explanation), range: pieceRange(address) };
  }
  if (!split) return undefined;
  const max = ip.family === 4 ? 32 : 128;
  const prefix = numericValue(split.tail.text);
  if (prefix !== undefined && prefix >= 0 && prefix <= max) return undefined;
  const explanation = `The prefix length after '/' must be digits from 0 to ${max}; '${split.tail.text}' is not.`;
  return { ...refuse(value, explanation), range: pieceRange(split.tail) };
};
