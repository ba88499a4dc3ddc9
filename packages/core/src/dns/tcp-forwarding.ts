/**
 * A client's TCP query that needs an upstream is forwarded over TCP (spec d: the TCP retry after TC=1):
 * servers tried one after another from the last good one, each reply validated like a UDP one. When none
 * gives a usable reply (no TCP service, a hang-up, junk), the client's connection is closed at once without
 * an answer, as dnsmasq 2.90 does (measured), instead of being held until its idle timeout.
 */
import { deliverReply, type DeliverContext } from './deliver.js';
import type { Waiter } from './pending.js';
import { random16 } from './random-ids.js';
import { tcpExchange, type TcpConnect } from './transport/tcp-upstream.js';
import type { ServerGroup } from './upstreams.js';
import { clampForwardedOpt } from './wire/edns-size.js';
import { FLAG_QR, RCODE_REFUSED, RCODE_SERVFAIL, newQuestionInfo, optOffset, readQuestion, type QuestionInfo } from './wire/wire.js';

const TCP_UPSTREAM_TIMEOUT_MS = 5_000;

export async function forwardOverTcp(
  ctx: DeliverContext,
  query: Buffer,
  q: QuestionInfo,
  group: ServerGroup,
  waiter: Waiter,
  serial: number,
  connect: TcpConnect,
  hangUp?: () => void,
): Promise<void> {
  const asked = {
    key: q.key, spelled: q.spelled, qtype: q.qtype, qclass: q.qclass, flags: q.flags,
    query: Buffer.from(query), qEnd: q.qEnd, serial, clientAddress: waiter.address, clientPort: waiter.port,
  };
  const id = random16();
  const out = Buffer.from(query);
  out.writeUInt16BE(id, 0);
  const opt = optOffset(query, q);
  if (opt >= 0) clampForwardedOpt(out, opt, ctx.config.ednsPacketMax);
  const order = group.allFromLastGood();
  for (let i = 0; i < order.length; i++) {
    const index = order[i]!;
    const s = group.servers[index]!;
    let reply: Buffer;
    try {
      reply = await tcpExchange(connect, s.address, s.port, out, TCP_UPSTREAM_TIMEOUT_MS);
    } catch {
      continue;
    }
    // Over TCP dnsmasq logs the forward once the server has answered (a silent server leaves no line).
    ctx.log.query(`forwarded ${q.spelled} to ${s.label}`, serial, waiter.address, waiter.port);
    const rq = newQuestionInfo();
    const valid =
      reply.length >= 12 && reply.readUInt16BE(0) === id && (reply.readUInt16BE(2) & FLAG_QR) !== 0 &&
      readQuestion(reply, rq) && rq.key === q.key && rq.qtype === q.qtype && rq.qclass === q.qclass;
    if (!valid) continue;
    // TCP replies do not change the group's choice of server (measured: the next UDP query still probes).
    const rcode = rq.flags & 0xf;
    if ((rcode === RCODE_SERVFAIL || rcode === RCODE_REFUSED) && i < order.length - 1) continue;
    deliverReply(ctx, reply, asked, [waiter], true);
    return;
  }
  hangUp?.();
}
