/**
 * Which rule answers a name (spec b.3): the longest matching domain (whole labels; `*x` wildcards match any name
 * ending in x; a plain rule beats a wildcard of the same text), then inside it: address literal for A/AAAA,
 * `#` null address, "use the default servers", upstream servers, local-only. Rules that do not apply to the
 * query type fall through to less specific domains; with nothing left the answer is REFUSED.
 */
import type { DomainRoute, ForwarderConfig, UpstreamAddress } from './forwarder-config.js';
import { T_A, T_AAAA } from './wire/rr-types.js';
import { ServerGroup } from './upstreams.js';

interface RuleSet {
  readonly match: DomainRoute['match'];
  readonly domain: string;
  servers: UpstreamAddress[];
  local: boolean;
  useDefault: boolean;
  v4: string | undefined;
  v6: string | undefined;
  nullAddress: boolean;
  group: ServerGroup | undefined;
}

export type RouteDecision =
  | { readonly kind: 'group'; readonly group: ServerGroup }
  | { readonly kind: 'local' }
  | { readonly kind: 'address'; readonly family: 4 | 6; readonly address: string }
  | { readonly kind: 'refused' };

const LOCAL: RouteDecision = { kind: 'local' };
const REFUSED: RouteDecision = { kind: 'refused' };

function emptySet(match: DomainRoute['match'], domain: string): RuleSet {
  return { match, domain, servers: [], local: false, useDefault: false, v4: undefined, v6: undefined, nullAddress: false, group: undefined };
}

export class RouteTable {
  private readonly suffix = new Map<string, RuleSet>();
  private readonly wildcards: RuleSet[] = [];
  private unqualified: RuleSet | undefined;
  private readonly fallback: RuleSet = emptySet('all', '');
  /** Every server group, default group first when there is one. */
  readonly groups: ServerGroup[] = [];
  private decisions = new WeakMap<RuleSet, Map<number, RouteDecision>>();
  /** The default servers from the command line, before any from the resolv file. */
  private readonly commandLineDefaults: readonly UpstreamAddress[];

  constructor(config: Pick<ForwarderConfig, 'routes' | 'defaultServers'>) {
    this.fallback.servers.push(...config.defaultServers);
    for (const route of config.routes) {
      const set = this.setFor(route);
      const t = route.target;
      if (t.kind === 'servers') {
        for (const s of t.servers) if (!set.servers.some((x) => x.address === s.address && x.port === s.port)) set.servers.push(s);
      } else if (t.kind === 'local') set.local = true;
      else if (t.kind === 'default-servers') set.useDefault = true;
      else if (t.kind === 'null-address') set.nullAddress = true;
      else if (t.family === 4) set.v4 = t.address;
      else set.v6 = t.address;
    }
    this.commandLineDefaults = [...this.fallback.servers];
    const all = [this.fallback, ...(this.unqualified ? [this.unqualified] : []), ...this.suffix.values(), ...this.wildcards];
    for (const set of all) {
      if (set.servers.length === 0) continue;
      set.group = new ServerGroup(set.servers, set === this.fallback ? undefined : set.match === 'wildcard' ? `*${set.domain}` : set.domain);
      this.groups.push(set.group);
    }
  }

  /**
   * The servers of the resolv file join the command line's default servers (a re-read replaces them). The
   * default group is replaced in place in `groups`; forwards already sent keep their old group.
   */
  setResolvServers(servers: readonly UpstreamAddress[]): void {
    const all = [...this.commandLineDefaults];
    for (const s of servers) if (!all.some((x) => x.address === s.address && x.port === s.port)) all.push(s);
    const old = this.fallback.group;
    this.fallback.servers = all;
    this.fallback.group = all.length > 0 ? new ServerGroup(all, undefined) : undefined;
    const at = old ? this.groups.indexOf(old) : -1;
    if (at >= 0) this.groups.splice(at, 1);
    if (this.fallback.group) this.groups.unshift(this.fallback.group);
    this.decisions = new WeakMap();
  }

  /** The default servers' group, if any. */
  get defaultGroup(): ServerGroup | undefined {
    return this.fallback.group;
  }

  private setFor(route: DomainRoute): RuleSet {
    if (route.match === 'all') return this.fallback;
    if (route.match === 'unqualified') return (this.unqualified ??= emptySet('unqualified', ''));
    if (route.match === 'wildcard') {
      let w = this.wildcards.find((x) => x.domain === route.domain);
      if (!w) this.wildcards.push((w = emptySet('wildcard', route.domain)));
      return w;
    }
    let s = this.suffix.get(route.domain);
    if (!s) this.suffix.set(route.domain, (s = emptySet('suffix', route.domain)));
    return s;
  }

  /** Decision for a lower-case name and query type. */
  route(key: string, qtype: number): RouteDecision {
    if (this.suffix.size === 0 && this.wildcards.length === 0 && !this.unqualified) return this.decide(this.fallback, qtype);
    for (const set of this.candidates(key)) {
      const d = this.apply(set, qtype);
      if (d) return d;
    }
    return this.decide(this.fallback, qtype);
  }

  /** True when an `--address` rule covers the name (dnsmasq then "knows it locally"). */
  hasAddressRule(key: string): boolean {
    const sets = this.suffix.size === 0 && this.wildcards.length === 0 && !this.unqualified ? [] : this.candidates(key);
    return [...sets, this.fallback].some((set) => set.v4 !== undefined || set.v6 !== undefined || set.nullAddress);
  }

  private candidates(key: string): RuleSet[] {
    const out: RuleSet[] = [];
    let name = key;
    for (;;) {
      const plain = this.suffix.get(name);
      if (plain) out.push(plain);
      const dot = name.indexOf('.');
      if (dot < 0) break;
      name = name.slice(dot + 1);
    }
    if (this.wildcards.length > 0) {
      for (const w of this.wildcards) if (key.endsWith(w.domain)) out.push(w);
      const rank = (r: RuleSet): number => (r.match === 'wildcard' ? 1 : 0);
      out.sort((a, b) => b.domain.length - a.domain.length || rank(a) - rank(b));
    }
    if (this.unqualified && !key.includes('.')) out.push(this.unqualified);
    return out;
  }

  private decide(set: RuleSet, qtype: number): RouteDecision {
    return this.apply(set, qtype) ?? (set === this.fallback ? REFUSED : this.decide(this.fallback, qtype));
  }

  private apply(set: RuleSet, qtype: number): RouteDecision | undefined {
    let cache = this.decisions.get(set);
    const hit = cache?.get(qtype);
    if (hit) return hit;
    const d = this.compute(set, qtype);
    if (d) {
      if (!cache) this.decisions.set(set, (cache = new Map()));
      if (cache.size < 64) cache.set(qtype, d);
    }
    return d;
  }

  private compute(set: RuleSet, qtype: number): RouteDecision | undefined {
    if (qtype === T_AAAA && set.v6) return { kind: 'address', family: 6, address: set.v6 };
    if (qtype === T_A && set.v4) return { kind: 'address', family: 4, address: set.v4 };
    if ((qtype === T_A || qtype === T_AAAA) && set.nullAddress) {
      return qtype === T_A ? { kind: 'address', family: 4, address: '0.0.0.0' } : { kind: 'address', family: 6, address: '::' };
    }
    if (set.useDefault && set !== this.fallback) return this.decide(this.fallback, qtype);
    if (set.group) return { kind: 'group', group: set.group };
    if (set.local) return LOCAL;
    return undefined;
  }
}
