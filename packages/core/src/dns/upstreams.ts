/**
 * Server groups and dnsmasq's choice of server inside a group (spec d): every server on the first query and
 * again after more than 50 forwards or 20 s ("probe"), otherwise the last server that gave a non-REFUSED reply;
 * `--strict-order` walks the list in order; `--all-servers` always asks everyone.
 */
import type { ForwardingOptions, UpstreamAddress } from './forwarder-config.js';
import { RCODE_REFUSED } from './wire/wire.js';

const PROBE_AFTER_FORWARDS = 50;
const PROBE_AFTER_MS = 20_000;

export interface Upstream extends UpstreamAddress {
  /** `127.0.0.1` or `127.0.0.1#5353`, as dnsmasq prints a server. */
  readonly label: string;
}

/** Per upstream, as dnsmasq's SIGUSR1 dump reports a server; one object per label, shared by every group naming it. */
export interface ServerCounter {
  /** Queries sent to it. */
  queries: number;
  /** Replies SERVFAIL or REFUSED (dnsmasq's "retried or failed"). */
  errors: number;
  /** Replies accepted from it (the latency average's divisor). */
  replies: number;
  nxdomain: number;
  /** Sum over accepted replies of the time since the forward was last sent, in ms. */
  latencyMs: number;
}

export function upstreamLabel(u: UpstreamAddress): string {
  return u.port === 53 ? u.address : `${u.address}#${u.port}`;
}

/** How a forward was sent: to one server, to every server (probe, retry, --all-servers), or in strict order. */
export type SendMode = 'single' | 'all' | 'strict';

export interface ServerChoice {
  targets: number[];
  mode: SendMode;
}

export class ServerGroup {
  readonly servers: readonly Upstream[];
  lastGood = -1;
  private forwardCount = 0;
  private lastProbeMs = -Infinity;
  /** Forwards of this group younger than 10 s still waiting for a reply (`--dns-forward-max`). */
  inFlight = 0;
  /** Last time the `Maximum number of concurrent DNS queries` warning was logged. */
  lastLimitLogMs = -Infinity;

  /** The counter of server i, set by the forwarding engine when it first sends to it (no lookup per reply). */
  readonly counters: (ServerCounter | undefined)[];

  /** `[i]` for each server i: the usual choice, shared by every forward (targets are never modified). */
  private readonly single: readonly number[][];
  /** The result of `choose`, valid until the next call (no allocation per forward). */
  private readonly choice: ServerChoice = { targets: [], mode: 'single' };

  /** @param domain the rule's domain, undefined for the default servers */
  constructor(servers: readonly UpstreamAddress[], readonly domain: string | undefined) {
    this.servers = servers.map((s) => ({ ...s, label: upstreamLabel(s) }));
    this.single = this.servers.map((_s, i) => [i]);
    this.counters = this.servers.map(() => undefined);
  }

  /** Server indexes for a new forward, and the mode it is sent in; the result is reused by the next call. */
  choose(nowMs: number, opts: ForwardingOptions): Readonly<ServerChoice> {
    if (opts.allServers) return this.chosen(this.servers.map((_s, i) => i), 'all');
    if (opts.strictOrder) return this.chosen(this.single[0] ?? [0], 'strict');
    if (this.lastGood < 0 || this.forwardCount > PROBE_AFTER_FORWARDS || nowMs - this.lastProbeMs > PROBE_AFTER_MS) {
      this.forwardCount = 0;
      this.lastProbeMs = nowMs;
      return this.chosen(this.allFromLastGood(), 'all');
    }
    this.forwardCount++;
    return this.chosen(this.single[this.lastGood]!, 'single');
  }

  private chosen(targets: number[], mode: SendMode): ServerChoice {
    this.choice.targets = targets;
    this.choice.mode = mode;
    return this.choice;
  }

  /** Every server, starting with the last good one. */
  allFromLastGood(): number[] {
    const n = this.servers.length;
    const start = this.lastGood >= 0 ? this.lastGood : 0;
    const out: number[] = [];
    for (let i = 0; i < n; i++) out.push((start + i) % n);
    return out;
  }

  /** Records a reply: any rcode but REFUSED makes the server the last good one; REFUSED from it resets the choice. */
  noteReply(server: number, rcode: number): void {
    if (rcode !== RCODE_REFUSED) this.lastGood = server;
    else if (this.lastGood === server) this.lastGood = -1;
  }

  indexOf(address: string, port: number): number {
    for (let i = 0; i < this.servers.length; i++) {
      const s = this.servers[i]!;
      if (s.port === port && s.address === address) return i;
    }
    return -1;
  }
}
