// Hover phrases for the DNS options whose values are words, paths or lists (spec a.2, e).
import { LOG_ASYNC_MAX, isDigits, numericValue } from '../numbers.js';
import type { ValueDescriber } from './option-value-meaning-numbers.js';

/** glibc's syslog facility names, the ones dnsmasq looks `--log-facility` up in (case-insensitively). */
const SYSLOG_FACILITIES: ReadonlySet<string> = new Set([
  'auth', 'authpriv', 'cron', 'daemon', 'ftp', 'kern', 'lpr', 'mail', 'mark', 'news', 'security', 'syslog', 'user',
  'uucp', 'local0', 'local1', 'local2', 'local3', 'local4', 'local5', 'local6', 'local7',
]);

const NOT_A_NUMBER = 'not a number: dnsmasq accepts digits only and refuses this value';

function logFacility(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (value === '-') return 'log to stderr';
  if (value.includes('/')) return `log to the file ${value}`;
  if (SYSLOG_FACILITIES.has(value.toLowerCase())) return `log to syslog, facility ${value.toLowerCase()}`;
  return 'not a syslog facility, "-" or a path: dnsmasq fails with "bad log facility"';
}

function logQueries(value: string | undefined): string {
  if (value === 'extra') return 'log every query, each line with a serial number and the client\'s address and port';
  if (value === undefined) return 'log every query, where it went and how it was answered';
  return `log every query; dnsmasq ignores the value "${value}" (only "extra", in lower case, changes the format)`;
}

function logAsync(value: string | undefined): string {
  if (value === undefined) return 'queue up to 5 log lines while syslog is slow';
  const n = numericValue(value);
  if (n === undefined) return NOT_A_NUMBER;
  if (n > LOG_ASYNC_MAX) return `queue up to ${LOG_ASYNC_MAX} log lines while syslog is slow (dnsmasq clamps larger values)`;
  return `queue up to ${Math.max(n, 0)} log lines while syslog is slow`;
}

function useStaleCache(value: string | undefined): string {
  const refresh = 'while a fresh copy is fetched';
  if (value === undefined) return `serve expired records up to 86400 s past expiry, ${refresh}`;
  const n = numericValue(value);
  if (n === undefined || n < 0) return NOT_A_NUMBER;
  return n === 0 ? `serve expired records however old, ${refresh}` : `serve expired records up to ${n} s past expiry, ${refresh}`;
}

function fastDnsRetry(value: string | undefined): string {
  const [delayText, totalText, extra] = (value ?? '1000,10000').split(',');
  if (extra !== undefined || !isDigits(delayText ?? '') || (totalText !== undefined && !isDigits(totalText))) return NOT_A_NUMBER;
  const delay = numericValue(delayText ?? '') ?? 0;
  if (delay < 50) return `dnsmasq refuses a retry delay of ${delay} ms: at least 50 is needed`;
  const totalSeconds = Math.floor((numericValue(totalText ?? '10000') ?? 0) / 1000);
  return `re-send unanswered queries after ${delay} ms, doubling the delay, for up to ${totalSeconds} s`;
}

const path = (none: string, some: (p: string) => string): ValueDescriber => (value) =>
  value === undefined || value === '' ? none : some(value);

function confDir(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const [dir, ...extensions] = value.split(',');
  if (!dir) return 'read no config directory (the directory is empty)';
  const only = extensions.filter((e) => e.startsWith('*')).map((e) => e.slice(1));
  const skip = extensions.filter((e) => !e.startsWith('*'));
  if (only.length > 0) return `read the files of ${dir} ending in ${only.join(' or ')}`;
  if (skip.length > 0) return `read every file of ${dir} except those ending in ${skip.join(' or ')}`;
  return `read every file of ${dir} as a config file`;
}

function localService(value: string | undefined): string {
  if (value === undefined || value === 'net') return 'answer only clients on the subnets of this machine\'s interfaces';
  if (value === 'host') return 'listen on loopback only and answer only this machine';
  return 'dnsmasq accepts only "net" or "host" (lower case) and refuses this value';
}

function list(value: string): string[] {
  return value.split(',').map((item) => item.trim()).filter((item) => item !== '');
}

function cacheRr(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const types = list(value).map((t) => t.toUpperCase());
  if (types.includes('ANY')) return 'cache records of every type';
  return types.length === 0 ? undefined : `also cache ${types.join(', ')} records`;
}

function listenAddress(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const addresses = list(value);
  return addresses.length === 0 ? undefined : `answer queries sent to ${addresses.join(', ')}`;
}

export const TEXT_VALUE_MEANINGS: Readonly<Record<string, ValueDescriber>> = {
  'log-facility': logFacility,
  'log-queries': logQueries,
  'log-async': logAsync,
  'use-stale-cache': useStaleCache,
  'fast-dns-retry': fastDnsRetry,
  user: path('keep running as root (no privilege drop)', (u) => `run as user ${u} once the sockets are open`),
  group: path('keep the start-up group', (g) => `run as group ${g} once the sockets are open`),
  'pid-file': path('write no pid file', (p) => `write the process id to ${p}`),
  'conf-file': path('read no config file', (p) =>
    p === '/dev/null' ? 'read no config file (/dev/null is empty)' : `read options from ${p} (instead of /etc/dnsmasq.conf)`),
  'resolv-file': path('read no resolv file', (p) => `take upstream servers from ${p} and re-read it when it changes`),
  'servers-file': path('read no servers file', (p) => `read --server lines from ${p}, and again on SIGHUP`),
  'conf-dir': confDir,
  'cache-rr': cacheRr,
  'listen-address': listenAddress,
  'local-service': localService,
};
