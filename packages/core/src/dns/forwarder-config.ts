/** Everything the forwarder needs, derived from a dnsmasq argv by `dnsmasq/config.ts` (or built by hand in tests). */

import { DEFAULT_EDNS_PACKET_MAX } from './wire/edns-size.js';

export interface UpstreamAddress {
  readonly address: string;
  readonly port: number;
  readonly family: 4 | 6;
}

export type RouteTarget =
  /** Forward to these servers (one server group per rule domain). */
  | { readonly kind: 'servers'; readonly servers: readonly UpstreamAddress[] }
  /** Answer NXDOMAIN locally (`--local=/d/`, `--server=/d/`, `--address=/d/`). */
  | { readonly kind: 'local' }
  /** `--server=/d/#`: use the default servers for this domain. */
  | { readonly kind: 'default-servers' }
  /** `--address=/d/IP`: answers A or AAAA (by family) locally. */
  | { readonly kind: 'address'; readonly family: 4 | 6; readonly address: string }
  /** `--address=/d/#`: 0.0.0.0 and ::. */
  | { readonly kind: 'null-address' };

export interface DomainRoute {
  /** Lower-case, no leading/trailing dot; empty for `all` and `unqualified`. */
  readonly domain: string;
  /** `suffix`: whole labels; `wildcard`: any name ending in `domain`; `unqualified`: dot-less names; `all`: every name. */
  readonly match: 'suffix' | 'wildcard' | 'unqualified' | 'all';
  readonly target: RouteTarget;
}

export interface CacheOptions {
  /** Records, 0 = no cache (`--cache-size`, default 150). */
  readonly size: number;
  /** False with `-N`. */
  readonly negCache: boolean;
  /** `--neg-ttl`, 0 = none. */
  readonly negTtl: number;
  /** `--min-cache-ttl`, already clamped to 3600. */
  readonly minCacheTtl: number;
  /** `--max-cache-ttl`, 0 = off. */
  readonly maxCacheTtl: number;
  /** `--max-ttl`: cap of TTLs sent to clients, 0 = off. */
  readonly maxTtl: number;
  /** `--use-stale-cache`: seconds an expired entry may still be served (0 = forever); undefined = off. */
  readonly useStale: number | undefined;
  /** Extra cacheable record types from `--cache-rr`; 'any' for ANY. */
  readonly extraTypes: ReadonlySet<number> | 'any';
  /** False with `--no-round-robin`. */
  readonly roundRobin: boolean;
}

export interface ForwardingOptions {
  readonly strictOrder: boolean;
  readonly allServers: boolean;
  /** `--dns-forward-max`, default 150 per server group. */
  readonly forwardMax: number;
  /** `--fast-dns-retry=ms,total`; undefined = off. */
  readonly fastRetry: { readonly initialMs: number; readonly totalMs: number } | undefined;
}

export interface FilterOptions {
  readonly domainNeeded: boolean;
  readonly bogusPriv: boolean;
  readonly filterWin2k: boolean;
  readonly stopDnsRebind: boolean;
  readonly rebindLocalhostOk: boolean;
}

export interface LogOptions {
  /** `-q` given. */
  readonly queries: boolean;
  /** `--log-queries=extra`. */
  readonly extra: boolean;
  /** `-` (stderr, no timestamp), a file path (timestamped lines), or undefined (stderr). */
  readonly facility: string | undefined;
}

export interface ResolvOptions {
  /** Candidate files, in command-line order (`/etc/resolv.conf` when no `--resolv-file`). */
  readonly files: readonly string[];
  /** False with `--no-poll`: read once at start. */
  readonly poll: boolean;
}

export interface ForwarderConfig {
  /** Addresses to listen on (UDP and TCP). */
  readonly listen: readonly string[];
  readonly port: number;
  readonly defaultServers: readonly UpstreamAddress[];
  /** Domain rules in command-line order. */
  readonly routes: readonly DomainRoute[];
  readonly cache: CacheOptions;
  readonly forwarding: ForwardingOptions;
  readonly filters: FilterOptions;
  /** `--local-ttl`: TTL of locally answered records. */
  readonly localTtl: number;
  /** `--edns-packet-max` as dnsmasq uses it (see edns-size.ts). */
  readonly ednsPacketMax: number;
  readonly log: LogOptions;
  /** The resolv file(s) to take more default servers from (resolv-file.ts); undefined with `--no-resolv`. */
  readonly resolv?: ResolvOptions;
  /**
   * `--min-port`/`--max-port`: forwards leave from random ports of this range (min defaults to 1024, max to
   * 65535); undefined when neither is given: the kernel picks from its ephemeral range, as dnsmasq 2.90 leaves it.
   */
  readonly sourcePorts?: { readonly min: number; readonly max: number };
}

export const DEFAULT_CACHE: CacheOptions = {
  size: 150,
  negCache: true,
  negTtl: 0,
  minCacheTtl: 0,
  maxCacheTtl: 0,
  maxTtl: 0,
  useStale: undefined,
  extraTypes: new Set<number>(),
  roundRobin: true,
};

/** A config with dnsmasq's defaults, for tests and the demo: `withDefaults({ defaultServers: [...] })`. */
export function withDefaults(partial: Omit<Partial<ForwarderConfig>, 'cache'> & { cache?: Partial<CacheOptions> }): ForwarderConfig {
  return {
    listen: partial.listen ?? ['127.0.0.1'],
    port: partial.port ?? 0,
    defaultServers: partial.defaultServers ?? [],
    routes: partial.routes ?? [],
    cache: { ...DEFAULT_CACHE, ...partial.cache },
    forwarding: partial.forwarding ?? { strictOrder: false, allServers: false, forwardMax: 150, fastRetry: undefined },
    filters: partial.filters ?? {
      domainNeeded: false,
      bogusPriv: false,
      filterWin2k: false,
      stopDnsRebind: false,
      rebindLocalhostOk: false,
    },
    localTtl: partial.localTtl ?? 0,
    ednsPacketMax: partial.ednsPacketMax ?? DEFAULT_EDNS_PACKET_MAX,
    log: partial.log ?? { queries: false, extra: false, facility: '-' },
    ...(partial.resolv ? { resolv: partial.resolv } : {}),
    ...(partial.sourcePorts ? { sourcePorts: partial.sourcePorts } : {}),
  };
}
