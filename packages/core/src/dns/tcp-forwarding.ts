/**
 * A client's TCP query that needs an upstream is forwarded over TCP (spec d: the TCP retry after TC=1):
 * servers tried one after another from the last good one while they refuse the connection or hang up; the
 * first reply decides. When none gives a usable reply (no TCP service, a hang-up, junk), the client's connection is closed at once without
 * an answer, as dnsmasq 2.90 does (measured), instead of being held until its idle timeout.
 */
import { deliverReply, type DeliverContext } from './deliver.js';
import type { Waiter } from './pending.js';
import { random16 } from './random-ids.js';
import { tcpExchange, type TcpConnect } from './transport/tcp-upstream.js';
import type { ServerGroup } from './upstreams.js';
import { clampForwardedOpt } from './wire/edns-size.js';
import { FLAG_QR, newQuestionInfo, optOffset, readQuestion, type QuestionInfo } from './wire/wire.js';

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
  // --strict-order starts from the first server over TCP too (measured: open-finding-4, step 5)
  const order = ctx.config.forwarding.strictOrder ? group.servers.map((_s, i) => i) : group.allFromLastGood();
  for (let i = 0; i < order.length; i++) {
    const index = order[i]!;
    const s = group.servers[index]!;
    let reply: Buffer;
    try {
      reply = await tcpExchange(connect, s.address, s.port, out, TCP_UPSTREAM_TIMEOUT_MS);
    } catch {
      continue;
    }
    const rq = newQuestionInfo();
    const valid =
      reply.length >= 12 && reply.readUInt16BE(0) === id && (reply.readUInt16BE(2) & FLAG_QR) !== 0 &&
      readQuestion(reply, rq) && rq.key === q.key && rq.qtype === q.qtype && rq.qclass === q.qclass;
    // The first server that answers decides, as in dnsmasq 2.90 (measured by the generated differential run):
    // SERVFAIL or REFUSED reaches the client, and a reply that cannot be read closes the connection, without
    // trying the next server and without a `forwarded` line (dnsmasq logs the forward once a usable reply is in).
    if (!valid) break;
    ctx.log.query(`forwarded ${q.spelled} to ${s.label}`, serial, waiter.address, waiter.port);
    // TCP replies do not change the group's choice of server (measured: the next UDP query still probes).
    deliverReply(ctx, reply, asked, [waiter], true);
    return;
  }
  hangUp?.();
}
