/**
 * What happens when an upstream reply is final: dnsmasq's `reply ...` log lines, the cache insert, and one
 * copy of the reply per waiting client (their IDs; TC=1 replies emptied; `--stop-dns-rebind` answers emptied).
 */
import type { DnsCache } from './cache/cache.js';
import { cacheReply } from './cache/cache-insert.js';
import { capReplyOpt } from './wire/edns-size.js';
import type { ForwarderConfig } from './forwarder-config.js';
import type { Waiter } from './pending.js';
import { isPrivateV4, isPrivateV6 } from './wire/private-ranges.js';
import type { QueryLog } from './querylog.js';
import { replyLines } from './reply-lines.js';
import { capTtls, forClient, toClientInPlace } from './wire/reply-patch.js';
import { SECTION_ANSWER, parseReply, questionEnd, type ParsedReply } from './wire/reply-reader.js';
import { localResponse, truncatedReply } from './wire/responses.js';
import { C_IN, T_A, T_AAAA, T_OPT } from './wire/rr-types.js';
import { FLAG_AA, FLAG_CD, FLAG_TC, RCODE_NOERROR, RCODE_NXDOMAIN, RCODE_SERVFAIL, newQuestionInfo } from './wire/wire.js';

export interface DeliverContext {
  readonly config: ForwarderConfig;
  readonly cache: DnsCache;
  readonly log: QueryLog;
  /** Milliseconds. */
  readonly nowMs: () => number;
  /** Names the configuration answers itself (`--address`): an upstream NXDOMAIN for them becomes NODATA. */
  readonly knowsLocally?: (key: string) => boolean;
}

/** The question a reply answers, with what the log needs about the client that asked first. */
export interface AskedQuestion {
  readonly key: string;
  readonly spelled: string;
  readonly qtype: number;
  readonly qclass: number;
  readonly flags: number;
  readonly query: Buffer;
  readonly qEnd: number;
  readonly serial: number;
  readonly clientAddress: string;
  readonly clientPort: number;
}

function rebindTarget(buf: Buffer, reply: ParsedReply, localhostOk: boolean): string | undefined {
  for (const r of reply.records) {
    if (r.section !== SECTION_ANSWER) continue;
    if (r.type === T_A && r.rdLength === 4 && isPrivateV4(buf, r.rdOffset, !localhostOk)) return r.spelled;
    if (r.type === T_AAAA && r.rdLength === 16 && isPrivateV6(buf, r.rdOffset, !localhostOk)) return r.spelled;
  }
  return undefined;
}

/** Our own answer to `asked` with `rcode`, for waiter `w` (its ID; an OPT record when it sent one). */
function ownAnswer(asked: AskedQuestion, w: Waiter, rcode: number): Buffer {
  const q = newQuestionInfo();
  q.id = w.id;
  q.flags = asked.flags;
  q.qEnd = asked.qEnd;
  return localResponse(asked.query, q, rcode, false, w.optSize);
}

/** SERVFAIL to every waiter: the upstream's reply could not be read, or was longer than dnsmasq reads one. */
export function deliverServfail(ctx: DeliverContext, asked: AskedQuestion, waiters: readonly Waiter[]): void {
  for (const w of waiters) w.send(ownAnswer(asked, w, RCODE_SERVFAIL));
}

export function deliverReply(ctx: DeliverContext, buf: Buffer, asked: AskedQuestion, waiters: readonly Waiter[], viaTcp: boolean): void {
  const nx = (buf.readUInt16BE(2) & 0xf) === RCODE_NXDOMAIN;
  if (nx && (ctx.cache.knowsName(asked.key, ctx.nowMs()) || ctx.knowsLocally?.(asked.key))) {
    // dnsmasq turns NXDOMAIN for a name it holds other data for into an authoritative NODATA.
    buf.writeUInt16BE((buf.readUInt16BE(2) & ~0xf) | FLAG_AA, 2);
  }
  const flags = buf.readUInt16BE(2);
  const rcode = flags & 0xf;
  const tc = (flags & FLAG_TC) !== 0;
  const reply = parseReply(buf);
  const { config, log } = ctx;
  const logLine = (body: string): void => log.query(body, asked.serial, asked.clientAddress, asked.clientPort);
  let rebind: string | undefined;
  if (tc) logLine('reply is truncated');
  else if (!reply) {
    // A reply whose sections cannot be read reaches no client as it is (dnsmasq answers SERVFAIL).
    deliverServfail(ctx, asked, waiters);
    return;
  } else {
    rebind = config.filters.stopDnsRebind ? rebindTarget(buf, reply, config.filters.rebindLocalhostOk) : undefined;
    if (rebind !== undefined) log.always(`possible DNS-rebind attack detected: ${rebind}`);
    else if (log.queries) for (const line of replyLines(buf, reply, asked)) logLine(line);
    const cacheable =
      rebind === undefined &&
      (rcode === RCODE_NOERROR || rcode === RCODE_NXDOMAIN) &&
      ((asked.flags | flags) & FLAG_CD) === 0 &&
      asked.qclass === C_IN;
    if (cacheable) cacheReply(buf, reply, asked, config.cache, ctx.cache, ctx.nowMs(), viaTcp);
    capTtls(buf, reply, config.cache.maxTtl);
    for (const r of reply.records) if (r.type === T_OPT) capReplyOpt(buf, r.ttlOffset - 2, config.ednsPacketMax);
  }
  if (waiters.length === 0) return;
  const qEnd = tc ? questionEnd(buf) : 0;
  for (const w of waiters) {
    let out: Buffer;
    if (tc) out = truncatedReply(buf, qEnd, w.id);
    else if (rebind !== undefined) out = ownAnswer(asked, w, RCODE_NOERROR);
    else out = waiters.length === 1 ? toClientInPlace(buf, w.id) : forClient(buf, w.id);
    w.send(out);
  }
}
