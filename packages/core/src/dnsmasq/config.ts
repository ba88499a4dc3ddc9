/**
 * A parsed dnsmasq argv -> the forwarder's configuration. Options the forwarder implements are translated;
 * daemon-only, DHCP and TFTP options are accepted and ignored; every other option that changes DNS behaviour
 * is named in a warning so nothing is dropped silently.
 */
import type { DomainRoute, ForwarderConfig, RouteTarget, UpstreamAddress } from '../dns/forwarder-config.js';
import { DEFAULT_EDNS_PACKET_MAX, effectivePacketMax } from '../dns/wire/edns-size.js';
import { DEFAULT_CACHE } from '../dns/forwarder-config.js';
import { typeNumber } from '../dns/wire/rr-types.js';
import { cacheSizeValue, minCacheTtlValue, numericValue, port16Value, unsignedValue } from './numbers.js';
import type { ParsedArgv, ParsedOption } from './argv/parsed-argv.js';
import { parseServerValue } from './server/server.js';
import type { ServerOptionKind, ServerSpec } from './server/server-spec.js';
import { isIgnoredOption } from './config-ignored.js';

export interface ConfigOverrides {
  /** `ADDR#PORT` servers replacing the argv's default (non-domain) servers. */
  readonly upstreams?: readonly string[];
}

export interface ConfigResult {
  readonly config: ForwarderConfig;
  readonly warnings: string[];
}

/** A value the forwarder cannot use; the message names the option and the value. */
export class ConfigError extends Error {}

const DEFAULT_FAST_RETRY = { initialMs: 1000, totalMs: 10_000 };
const DEFAULT_STALE_SECONDS = 86_400;

function number(option: ParsedOption, read: (v: string) => number | undefined): number {
  const n = read(option.value ?? '');
  if (n === undefined) throw new ConfigError(`bad value for ${option.spelled}: '${option.value ?? ''}'`);
  return n;
}

/** Measured with dnsmasq 2.90: a value read as -2 or less passes --test but stops dnsmasq at start-up (exit 4). */
function forwardMax(option: ParsedOption): number {
  const n = number(option, numericValue);
  if (n < -1) throw new ConfigError(`${option.spelled}=${option.value ?? ''} reads as ${n}: dnsmasq stops at start-up with "could not get memory"`);
  return n;
}

function fastRetry(option: ParsedOption): { initialMs: number; totalMs: number } {
  if (option.value === undefined) return DEFAULT_FAST_RETRY;
  const [first = '', second] = option.value.split(',');
  const initialMs = numericValue(first);
  const totalMs = second === undefined ? DEFAULT_FAST_RETRY.totalMs : numericValue(second);
  if (initialMs === undefined || totalMs === undefined || initialMs < 50) {
    throw new ConfigError(`bad value for ${option.spelled}: '${option.value}'`);
  }
  return { initialMs, totalMs };
}

function cacheRrTypes(option: ParsedOption, into: Set<number>): 'any' | undefined {
  for (const item of (option.value ?? '').split(',')) {
    if (item.toUpperCase() === 'ANY') return 'any';
    const t = typeNumber(item.replace(/^TYPE/i, ''));
    if (t === undefined) throw new ConfigError(`bad RR type in ${option.spelled}: '${item}'`);
    into.add(t);
  }
  return undefined;
}

function routeTarget(spec: ServerSpec, warnings: string[]): RouteTarget | undefined {
  const t = spec.target;
  switch (t.kind) {
    case 'local':
    case 'default-servers':
    case 'null-address':
      return { kind: t.kind };
    case 'address':
      return { kind: 'address', family: t.family, address: t.address };
    case 'upstream':
      if (t.address === '0.0.0.0') return undefined;
      if (t.source || t.scopeId) warnings.push(`--${spec.option}=${spec.raw}: the source address/interface part is not implemented and is ignored`);
      return { kind: 'servers', servers: [{ address: t.address, port: t.port, family: t.family }] };
    case 'hostname':
      warnings.push(`--${spec.option}=${spec.raw}: server hostnames are not resolved by this forwarder; give an IP address`);
      return undefined;
  }
}

function domainRoutes(spec: ServerSpec, target: RouteTarget): DomainRoute[] {
  if (spec.domains.length === 0) return [{ domain: '', match: 'all', target }];
  return spec.domains.map((d) => {
    if (d.kind === 'wildcard') return { domain: d.text.replace(/^\*/, '').toLowerCase(), match: 'wildcard', target };
    if (d.kind === 'suffix') return { domain: d.name.replace(/^\.+|\.+$/g, ''), match: 'suffix', target };
    return { domain: '', match: d.kind, target };
  });
}

export function toForwarderConfig(parsed: ParsedArgv, overrides: ConfigOverrides = {}): ConfigResult {
  const warnings: string[] = [];
  const cache = { ...DEFAULT_CACHE, extraTypes: new Set<number>() as Set<number> | 'any' };
  const forwarding = { strictOrder: false, allServers: false, forwardMax: 150, fastRetry: undefined as { initialMs: number; totalMs: number } | undefined };
  const filters = { domainNeeded: false, bogusPriv: false, filterWin2k: false, stopDnsRebind: false, rebindLocalhostOk: false };
  const log = { queries: false, extra: false, facility: undefined as string | undefined };
  const listen: string[] = [];
  let port = 53;
  let localTtl = 0;
  let ednsPacketMax = DEFAULT_EDNS_PACKET_MAX;
  let minPort: number | undefined;
  let maxPort: number | undefined;
  let noResolv = false;
  let poll = true;
  const resolvFiles: string[] = [];
  const defaultServers: UpstreamAddress[] = [];
  const routes: DomainRoute[] = [];
  for (const option of parsed.options) {
    const name = option.spec.long;
    switch (name) {
      case 'cache-size': cache.size = number(option, cacheSizeValue); break;
      case 'no-negcache': cache.negCache = false; break;
      case 'neg-ttl': cache.negTtl = number(option, unsignedValue); break;
      case 'min-cache-ttl': cache.minCacheTtl = number(option, minCacheTtlValue); break;
      case 'max-cache-ttl': cache.maxCacheTtl = number(option, unsignedValue); break;
      case 'max-ttl': cache.maxTtl = number(option, unsignedValue); break;
      case 'local-ttl': localTtl = number(option, unsignedValue); break;
      case 'edns-packet-max': ednsPacketMax = effectivePacketMax(number(option, numericValue)); break;
      case 'use-stale-cache': cache.useStale = option.value === undefined ? DEFAULT_STALE_SECONDS : number(option, numericValue); break;
      case 'no-round-robin': cache.roundRobin = false; break;
      case 'cache-rr':
        if (cache.extraTypes !== 'any' && cacheRrTypes(option, cache.extraTypes) === 'any') cache.extraTypes = 'any';
        break;
      case 'strict-order': forwarding.strictOrder = true; break;
      case 'all-servers': forwarding.allServers = true; break;
      case 'dns-forward-max': forwarding.forwardMax = forwardMax(option); break;
      case 'fast-dns-retry': forwarding.fastRetry = fastRetry(option); break;
      case 'domain-needed': filters.domainNeeded = true; break;
      case 'bogus-priv': filters.bogusPriv = true; break;
      case 'filterwin2k': filters.filterWin2k = true; break;
      case 'stop-dns-rebind': filters.stopDnsRebind = true; break;
      case 'rebind-localhost-ok': filters.rebindLocalhostOk = true; break;
      case 'log-queries': log.queries = true; if (option.value === 'extra') log.extra = true; break;
      case 'log-facility': log.facility = option.value; break;
      case 'port': port = number(option, port16Value); break;
      case 'min-port': minPort = number(option, port16Value); break;
      case 'max-port': maxPort = number(option, port16Value); break;
      case 'listen-address': listen.push(...(option.value ?? '').split(',').filter((a) => a !== '')); break;
      case 'no-resolv': noResolv = true; break;
      case 'no-poll': poll = false; break;
      case 'resolv-file': resolvFiles.push(option.value ?? ''); break;
      case 'server':
      case 'local':
      case 'address':
      case 'rev-server': {
        const result = parseServerValue(name as ServerOptionKind, option.value ?? '');
        if (!result.ok) throw new ConfigError(`bad command line options: ${result.error.reason} (${option.spelled}=${option.value ?? ''})`);
        const target = routeTarget(result.spec, warnings);
        if (!target) break;
        if (result.spec.domains.length === 0 && target.kind === 'servers') defaultServers.push(...target.servers);
        else routes.push(...domainRoutes(result.spec, target));
        break;
      }
      default:
        if (!isIgnoredOption(name)) warnings.push(`${option.spelled} is not implemented by this forwarder and is ignored`);
    }
  }
  if (overrides.upstreams && overrides.upstreams.length > 0) {
    defaultServers.length = 0;
    for (const text of overrides.upstreams) {
      const result = parseServerValue('server', text);
      if (!result.ok || result.spec.target.kind !== 'upstream' || result.spec.domains.length > 0) {
        throw new ConfigError(`bad --upstream '${text}': expected ADDR or ADDR#PORT`);
      }
      const t = result.spec.target;
      defaultServers.push({ address: t.address, port: t.port, family: t.family });
    }
  }
  // Measured on dnsmasq 2.90: either option alone keeps the other end at 1024 or 65535; min above max does not start.
  const sourcePorts = minPort === undefined && maxPort === undefined ? undefined : { min: minPort ?? 1024, max: maxPort ?? 65535 };
  if (sourcePorts && sourcePorts.max < sourcePorts.min) {
    throw new ConfigError(`max_port cannot be smaller than min_port (--min-port=${sourcePorts.min}, --max-port=${sourcePorts.max})`);
  }
  // Measured: `--resolv-file=` (empty) names no file; without any --resolv-file dnsmasq reads /etc/resolv.conf.
  const files = resolvFiles.length > 0 ? resolvFiles.filter((f) => f !== '') : ['/etc/resolv.conf'];
  const readsResolv = !noResolv && !(overrides.upstreams && overrides.upstreams.length > 0);
  const config: ForwarderConfig = {
    listen: listen.length > 0 ? listen : ['127.0.0.1'],
    port,
    defaultServers,
    routes,
    cache: { ...cache, extraTypes: cache.extraTypes },
    forwarding,
    filters,
    localTtl,
    ednsPacketMax,
    log,
    ...(readsResolv ? { resolv: { files, poll } } : {}),
    ...(sourcePorts ? { sourcePorts } : {}),
  };
  return { config, warnings };
}
