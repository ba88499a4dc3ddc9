/**
 * Forwarding over UDP (spec d): new forwards, merging of identical questions, client retransmissions, the
 * re-send after SERVFAIL/REFUSED, strict order, `--fast-dns-retry`, `--dns-forward-max`, and reply validation
 * (forward ID, the exact server address and port, the socket it left from, the same question).
 */
import type { Clock } from './clock.js';
import { deliverReply, deliverServfail, type DeliverContext } from './deliver.js';
import { MAX_WAITERS, MERGE_WINDOW_MS, PendingTable, questionHash, type Forward, type Waiter } from './pending.js';
import type { ForwardSockets } from './transport/forward-sockets.js';
import type { ServerCounter, ServerGroup } from './upstreams.js';
import { clampForwardedOpt } from './wire/edns-size.js';
import { FLAG_CD, FLAG_QR, FLAG_RD, RCODE_NXDOMAIN, RCODE_REFUSED, RCODE_SERVFAIL, newQuestionInfo, optOffset, readQuestion, type QuestionInfo } from './wire/wire.js';

export type ForwardOutcome = 'sent' | 'merged' | 'limit' | 'full';

export type { ServerCounter } from './upstreams.js';

const replyQuestion = newQuestionInfo();

/** Query bytes a new record's own buffer holds (longer queries get a longer one). */
const RECORD_QUERY_BYTES = 128;

/** `n` zeros, in `reuse` when it has that length (small arrays of small integers cost V8 less than typed arrays). */
function zeroed(reuse: number[], n: number): number[] {
  if (reuse.length !== n) return n === 1 ? [0] : new Array<number>(n).fill(0);
  for (let i = 0; i < n; i++) reuse[i] = 0;
  return reuse;
}

/** An empty record, every field present so that all records share one shape. */
function newRecord(): Forward {
  return {
    id: 0, rdcd: 0, hash: 0, slot: -1, indexed: false, key: '', spelled: '', qtype: 0, qclass: 0, flags: 0,
    query: Buffer.allocUnsafeSlow(RECORD_QUERY_BYTES), queryLength: 0, qEnd: 0, group: undefined as unknown as ServerGroup,
    socketIndex: -1, socketIndex6: -1, mode: 'single', strictIndex: 0, retried: false, sent: [], replied: [], lastTargets: [], liveAt: -1,
    waiters: [], createdMs: 0, lastSentMs: 0, counted: false, done: true, timer: undefined, serial: 0, clientAddress: '', clientPort: 0,
  };
}

export class ForwardingEngine {
  readonly pending = new PendingTable();
  readonly counters = new Map<string, ServerCounter>();

  constructor(
    private readonly ctx: DeliverContext,
    private readonly pool: ForwardSockets,
    private readonly clock: Clock,
  ) {}

  /**
   * Forwards the client's query to `group` (or merges it into one in flight). `waiter` is undefined for a
   * background refresh (`--use-stale-cache`). `serial`/client are for `--log-queries=extra`.
   */
  forward(query: Buffer, q: QuestionInfo, group: ServerGroup, waiter: Waiter | undefined, serial: number, clientAddress: string, clientPort: number): ForwardOutcome {
    const now = this.clock.nowMs();
    const rdcd = q.flags & (FLAG_RD | FLAG_CD);
    const hash = questionHash(q.key, q.qtype, q.qclass, rdcd);
    const existing = this.pending.findQuestion(hash, q.key, q.qtype, q.qclass, rdcd);
    if (existing && !existing.done) {
      if (!waiter) return 'merged';
      const same = existing.waiters.find((w) => w.address === waiter.address && w.port === waiter.port && w.id === waiter.id);
      if (same) {
        same.serial = serial;
        this.resendForRetransmission(existing, serial, clientAddress, clientPort);
        return 'sent';
      }
      // One forward per question however late the next client comes (CVE-2020-25686: several forwards of
      // one question open at once multiply a spoofer's chances); a late one re-sends it, as a retry would.
      if (existing.waiters.length < MAX_WAITERS) existing.waiters.push(waiter);
      if (now - existing.lastSentMs >= MERGE_WINDOW_MS) this.resendForRetransmission(existing, serial, clientAddress, clientPort);
      return 'merged';
    }
    const { forwardMax } = this.ctx.config.forwarding;
    if (group.inFlight >= forwardMax) {
      if (now - group.lastLimitLogMs >= 5_000) {
        group.lastLimitLogMs = now;
        const where = group.domain === undefined ? '' : ` to ${group.domain}`;
        this.ctx.log.always(`Maximum number of concurrent DNS queries${where} reached (max: ${forwardMax})`);
      }
      return 'limit';
    }
    if (this.pending.full) return 'full';
    const id = this.pending.freshId();
    const n = group.servers.length;
    const choice = group.choose(now, this.ctx.config.forwarding);
    const f = this.pending.takeSpare() ?? newRecord();
    if (f.query.length < query.length) f.query = Buffer.allocUnsafeSlow(Math.max(query.length, RECORD_QUERY_BYTES));
    query.copy(f.query);
    f.query.writeUInt16BE(id, 0);
    const opt = optOffset(query, q);
    if (opt >= 0) clampForwardedOpt(f.query, opt, this.ctx.config.ednsPacketMax);
    f.queryLength = query.length;
    f.id = id;
    f.rdcd = rdcd;
    f.hash = hash;
    f.key = q.key;
    f.spelled = q.spelled;
    f.qtype = q.qtype;
    f.qclass = q.qclass;
    f.flags = q.flags;
    f.qEnd = q.qEnd;
    f.group = group;
    f.mode = choice.mode;
    f.strictIndex = 0;
    f.retried = false;
    f.sent = zeroed(f.sent, n);
    f.replied = zeroed(f.replied, n);
    f.lastTargets = choice.targets;
    if (waiter) f.waiters.push(waiter);
    f.createdMs = now;
    f.lastSentMs = now;
    f.counted = true;
    f.done = false;
    f.timer = undefined;
    f.serial = serial;
    f.clientAddress = clientAddress;
    f.clientPort = clientPort;
    f.socketIndex = -1;
    f.socketIndex6 = -1;
    group.inFlight++;
    this.pending.add(f, existing ?? null);
    this.send(f, choice.targets, serial, clientAddress, clientPort);
    const fast = this.ctx.config.forwarding.fastRetry;
    if (fast) this.scheduleFastRetry(f, fast.initialMs, fast.totalMs);
    return 'sent';
  }

  /**
   * Handles a datagram arriving on forward socket `socketIndex`; `oversize`: it was longer than a reply may be
   * and `buf` holds its beginning (a reply that passes every check but that one is answered SERVFAIL).
   */
  onUpstreamMessage(socketIndex: number, buf: Buffer, address: string, port: number, oversize = false): void {
    if (buf.length < 12 || (buf.readUInt16BE(2) & FLAG_QR) === 0) return;
    const f = this.pending.get(buf.readUInt16BE(0));
    if (!f || f.done || (f.socketIndex !== socketIndex && f.socketIndex6 !== socketIndex)) return;
    const server = f.group.indexOf(address, port);
    if (server < 0 || !f.sent[server]) return;
    const rq = replyQuestion;
    if (!readQuestion(buf, rq) || rq.key !== f.key || rq.qtype !== f.qtype || rq.qclass !== f.qclass) return;
    const rcode = rq.flags & 0xf;
    f.replied[server] = 1;
    const counter = f.group.counters[server]!;
    counter.replies++;
    counter.latencyMs += this.clock.nowMs() - f.lastSentMs;
    if (rcode === RCODE_NXDOMAIN) counter.nxdomain++;
    if (oversize) {
      f.group.noteReply(server, rcode);
      this.finish(f);
      deliverServfail(this.ctx, f, f.waiters);
      this.pending.recycle(f);
      return;
    }
    if (rcode === RCODE_SERVFAIL || rcode === RCODE_REFUSED) {
      counter.errors++;
      f.group.noteReply(server, rcode);
      if (f.mode === 'strict') {
        if (f.strictIndex < f.group.servers.length - 1) this.send(f, [++f.strictIndex], f.serial, f.clientAddress, f.clientPort);
        else {
          this.finish(f);
          this.pending.recycle(f);
        }
        return;
      }
      if (f.mode === 'single' && !f.retried) {
        f.retried = true;
        f.mode = 'all';
        this.send(f, f.group.allFromLastGood(), f.serial, f.clientAddress, f.clientPort);
        return;
      }
      if (rcode === RCODE_REFUSED && this.outstanding(f) > 0) return;
    } else f.group.noteReply(server, rcode);
    this.finish(f);
    deliverReply(this.ctx, buf, f, f.waiters, false);
    this.pending.recycle(f);
  }

  /**
   * Ages forwards. One unanswered for 10 s closes its sockets (a reply that late is not waited for, and silent
   * servers must not pile up open descriptors); a client asking the question again re-sends it from new ones.
   */
  sweep(): void {
    for (const f of this.pending.sweep(this.clock.nowMs(), this.releaseSockets)) {
      this.releaseSockets(f);
      this.pending.recycle(f);
    }
  }

  private finish(f: Forward): void {
    this.pending.remove(f);
    this.releaseSockets(f);
  }

  private readonly releaseSockets = (f: Forward): void => {
    this.pool.release(f.socketIndex);
    this.pool.release(f.socketIndex6);
    f.socketIndex = -1;
    f.socketIndex6 = -1;
  };

  close(): void {
    this.pending.clear();
  }

  private outstanding(f: Forward): number {
    let n = 0;
    for (let i = 0; i < f.sent.length; i++) if (f.sent[i] && !f.replied[i]) n++;
    return n;
  }

  private resendForRetransmission(f: Forward, serial: number, address: string, port: number): void {
    let targets: number[];
    if (f.mode === 'strict') {
      if (f.strictIndex < f.group.servers.length - 1) f.strictIndex++;
      targets = [f.strictIndex];
    } else {
      f.mode = 'all';
      targets = f.group.allFromLastGood();
    }
    this.send(f, targets, serial, address, port);
  }

  private send(f: Forward, targets: number[], serial: number, address: string, port: number): void {
    f.lastTargets = targets;
    f.lastSentMs = this.clock.nowMs();
    for (const t of targets) {
      const s = f.group.servers[t]!;
      f.sent[t] = 1;
      f.replied[t] = 0;
      const handle = s.family === 4 ? f.socketIndex : f.socketIndex6;
      if (handle >= 0) this.pool.send(handle, f.query, f.queryLength, s.port, s.address);
      // A group may mix IPv4 and IPv6 servers: a socket of each family opens with its first send.
      else if (s.family === 4) f.socketIndex = this.pool.openAndSend(4, f.query, f.queryLength, s.port, s.address);
      else f.socketIndex6 = this.pool.openAndSend(6, f.query, f.queryLength, s.port, s.address);
      (f.group.counters[t] ?? this.counterOf(f.group, t)).queries++;
      if (this.ctx.log.queries) this.ctx.log.query(`forwarded ${f.spelled} to ${s.label}`, serial, address, port);
    }
  }

  /** Server t's counter, shared with every group that names the same server; first send to it from this group. */
  private counterOf(group: ServerGroup, t: number): ServerCounter {
    const label = group.servers[t]!.label;
    let c = this.counters.get(label);
    if (!c) this.counters.set(label, (c = { queries: 0, errors: 0, replies: 0, nxdomain: 0, latencyMs: 0 }));
    return (group.counters[t] = c);
  }

  private scheduleFastRetry(f: Forward, delayMs: number, totalMs: number): void {
    f.timer = setTimeout(() => {
      if (f.done || this.clock.nowMs() - f.createdMs >= totalMs) return;
      this.send(f, f.lastTargets, f.serial, f.clientAddress, f.clientPort);
      this.scheduleFastRetry(f, delayMs * 2, totalMs);
    }, delayMs);
  }
}
