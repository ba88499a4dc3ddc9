/**
 * The forwarder: UDP and TCP listeners, and per query dnsmasq's order of business (spec b-e):
 * `query[...]` log line -> local answers -> route -> cache (stored wire answer) -> forward -> reply.
 */
import type dgram from 'node:dgram';
import type net from 'node:net';
import type { UdpBatchBinding } from '@kube-dns-tools/udp-batch';
import { BatchReceiver, BatchSlots, resumeDgramReading, socketFd, stopDgramReading } from './transport/batch-receiver.js';
import { answerFromCache, HIT, HIT_STALE } from './cache/cache-answer.js';
import { DnsCache } from './cache/cache.js';
import { systemClock, type Clock } from './clock.js';
import type { DeliverContext } from './deliver.js';
import type { ForwarderConfig } from './forwarder-config.js';
import { ForwardingEngine, type ServerCounter } from './forwarding.js';
import { answerBeforeRouting, answerFromRoute, type LocalContext } from './local-answers.js';
import type { Waiter } from './pending.js';
import { openSink, QueryLog } from './querylog.js';
import { localResponse } from './wire/responses.js';
import { RouteTable } from './routes.js';
import { UdpSenders } from './transport/udp-senders.js';
import { C_IN, typeName } from './wire/rr-types.js';
import { serverLines, startupLines } from './startup-lines.js';
import { ResolvWatcher } from './resolv-file.js';
import { forwardOverTcp } from './tcp-forwarding.js';
import { closeTcpServer, createTcpServer, DEFAULT_TCP_OPTIONS, type TcpServerOptions } from './transport/tcp-server.js';
import { nodeSockets, type SocketFactory } from './transport/socket-factory.js';
import { UdpClient } from './transport/udp-client.js';
import { ForwardSockets } from './transport/forward-sockets.js';
import { FLAG_QR, FLAG_RD, RCODE_NOTIMP, RCODE_REFUSED, hasOpt, newQuestionInfo, readQuestion } from './wire/wire.js';
import { maxUpstreamReply } from './wire/edns-size.js';

/** Upstream TCP connections open at once for clients' TCP queries; more are answered REFUSED. */
const MAX_TCP_FORWARDS = 64;

export interface ForwarderOptions {
  readonly clock?: Clock;
  /** Where log lines go; default: stderr or the `--log-facility` file. */
  readonly log?: QueryLog;
  /** @deprecated ignored: every forward now opens its own random-port socket (kept for callers not yet updated). */
  readonly upstreamSockets?: number;
  readonly tcp?: TcpServerOptions;
  /** Native recvmmsg/sendmmsg for client datagrams; default: the socket factory's; null: node:dgram only. */
  readonly udpBatch?: UdpBatchBinding | null;
  /** Where every socket comes from (default: Node's, with the native binding when built). */
  readonly sockets?: SocketFactory;
}

export interface BoundAddress {
  readonly address: string;
  readonly port: number;
}

/** How often start() picks a new kernel port when --port=0 found the TCP port of the same number taken. */
const MAX_PORT_PICKS = 10;

class TcpTwinTaken extends Error {
  constructor(readonly taken: Error) {
    super(taken.message);
  }
}

export class Forwarder {
  readonly cache: DnsCache;
  readonly routes: RouteTable;
  readonly log: QueryLog;
  private readonly clock: Clock;
  private readonly sockets: SocketFactory;
  private readonly engine: ForwardingEngine;
  private readonly pool: ForwardSockets;
  private readonly local: LocalContext;
  private readonly deliver: DeliverContext;
  /** Native batch I/O, when the binding is there. */
  private readonly batch: BatchSlots | undefined;
  private readonly senders: UdpSenders;
  private readonly q = newQuestionInfo();
  private readonly udp: dgram.Socket[] = [];
  /** Native readiness watches on the UDP listeners (stopped before the sockets close). */
  private readonly watches: unknown[] = [];
  private readonly tcp: net.Server[] = [];
  private closeLog: () => void = () => undefined;
  private sweepTimer: NodeJS.Timeout | undefined;
  private serial = 0;
  private tcpForwards = 0;
  private bound: BoundAddress[] = [];
  /** The resolv file's watcher, without `--no-resolv`. */
  private readonly resolv: ResolvWatcher | undefined;

  constructor(readonly config: ForwarderConfig, private readonly options: ForwarderOptions = {}) {
    this.clock = options.clock ?? systemClock;
    this.sockets = options.sockets ?? nodeSockets;
    if (options.log) this.log = options.log;
    else {
      const [sink, close] = openSink(config.log.facility);
      this.log = new QueryLog(config.log, sink);
      this.closeLog = close;
    }
    this.cache = new DnsCache(config.cache.size, config.cache.useStale);
    this.routes = new RouteTable(config);
    this.deliver = {
      config,
      cache: this.cache,
      log: this.log,
      nowMs: () => this.clock.nowMs(),
      knowsLocally: (key) => this.routes.hasAddressRule(key),
    };
    const binding = options.udpBatch === undefined ? this.sockets.udpBatch : options.udpBatch;
    const maxReply = maxUpstreamReply(config.ednsPacketMax);
    // One byte more than a reply may have, so that a longer one is seen as such (and answered SERVFAIL).
    this.batch = binding ? new BatchSlots(binding, maxReply + 1) : undefined;
    this.senders = new UdpSenders(this.batch);
    this.pool = new ForwardSockets((i, buf, address, port, oversize) => {
      try {
        this.engine.onUpstreamMessage(i, buf, address, port, oversize);
      } catch {
        // A reply we cannot process is dropped; the forward stays pending until it times out.
      }
    }, maxReply, this.batch, this.sockets.udp, config.sourcePorts);
    this.engine = new ForwardingEngine(this.deliver, this.pool, this.clock);
    this.local = {
      filters: config.filters,
      localTtl: config.localTtl,
      chaos: { cacheSize: config.cache.size, stats: this.cache.stats, groups: this.routes.groups, serverCounters: this.engine.counters },
      isDefaultGroup: (d) => d.kind === 'group' && d.group === this.routes.defaultGroup,
    };
    const resolv = config.resolv;
    this.resolv = resolv && resolv.files.length > 0
      ? new ResolvWatcher(resolv, (servers) => {
        this.routes.setResolvServers(servers);
        return serverLines(config, servers);
      }, (line) => this.log.always(line))
      : undefined;
  }

  /** Per upstream (its label): queries sent, SERVFAIL/REFUSED replies, NXDOMAIN replies, latency (dnsmasq's SIGUSR1 dump). */
  get serverCounters(): ReadonlyMap<string, ServerCounter> {
    return this.engine.counters;
  }

  /** Where the forwarder listens (after `start`). */
  get addresses(): readonly BoundAddress[] {
    return this.bound;
  }

  /** Binds UDP and TCP on every listen address, opens upstream sockets, logs the start-up lines. */
  async start(): Promise<void> {
    try {
      // With --port=0 the kernel picks the UDP port and TCP takes the same number, which another process may hold:
      // then pick again, as a fixed port would fail at once.
      for (let attempt = 1; ; attempt++) {
        try {
          await this.listen();
          break;
        } catch (e) {
          if (!(e instanceof TcpTwinTaken) || attempt >= MAX_PORT_PICKS) throw e;
          await this.releaseListeners();
        }
      }
    } catch (e) {
      await this.stop();
      throw e instanceof TcpTwinTaken ? e.taken : e;
    }
    this.sweepTimer = setInterval(() => this.engine.sweep(), 1_000);
    for (const line of startupLines(this.config)) this.log.always(line);
    this.resolv?.start(this.clock.nowMs());
    this.log.flush();
  }

  private async listen(): Promise<void> {
    let port = this.config.port;
    for (const address of this.config.listen) {
      const family = address.includes(':') ? 6 : 4;
      const sock = this.sockets.udp(family);
      sock.on('error', () => undefined);
      await this.sockets.bindUdp(sock, port, address).catch((e: NodeJS.ErrnoException) => {
        throw new Error(`failed to create listening socket for ${address}: ${describe(e)}`);
      });
      this.udp.push(sock);
      port = sock.address().port;
      const fd = this.batch ? socketFd(sock) : -1;
      const client = new UdpClient(sock, fd, this.senders);
      const batch = this.batch && fd >= 0 ? new BatchReceiver(this.batch, sock, fd, (b, a, p, respond) => {
        this.handle(b, a, p, respond, client);
      }) : undefined;
      sock.on('message', (buf, rinfo) => {
        if (batch) batch.receive(buf, rinfo.address, rinfo.port);
        else this.handle(buf, rinfo.address, rinfo.port, client.from(rinfo.address, rinfo.port).respond, client);
      });
      // Cheapest of all: the binding watches the socket and every datagram is read in batches, none by dgram.
      if (batch && this.batch && stopDgramReading(sock)) {
        try {
          this.watches.push(this.batch.binding.watch(fd, batch.receiveWaiting));
        } catch {
          resumeDgramReading(sock);
        }
      }
      const server = createTcpServer((frame, a, p, respond, hangUp) => this.handle(frame, a, p, respond, undefined, hangUp), this.options.tcp ?? DEFAULT_TCP_OPTIONS);
      await this.sockets.listenTcp(server, port, address).catch((e: NodeJS.ErrnoException) => {
        const error = new Error(`failed to create listening socket for ${address}: ${describe(e)}`);
        throw this.config.port === 0 && e.code === 'EADDRINUSE' ? new TcpTwinTaken(error) : error;
      });
      this.tcp.push(server);
      this.bound.push({ address, port });
    }
  }

  /** Closes the listeners bound so far, so that start() can pick another port. */
  private async releaseListeners(): Promise<void> {
    for (const w of this.watches) this.batch?.binding.unwatch(w);
    this.watches.length = 0;
    await Promise.all([...this.udp.map((s) => new Promise<void>((r) => s.close(() => r()))), ...this.tcp.map((s) => closeTcpServer(s))]);
    this.udp.length = 0;
    this.tcp.length = 0;
    this.bound = [];
  }

  async stop(): Promise<void> {
    if (this.sweepTimer) clearInterval(this.sweepTimer);
    this.sweepTimer = undefined;
    this.engine.close();
    for (const w of this.watches) this.batch?.binding.unwatch(w);
    this.watches.length = 0;
    await Promise.all([
      ...this.udp.map((s) => new Promise<void>((r) => s.close(() => r()))),
      ...this.tcp.map((s) => closeTcpServer(s)),
      this.pool.close(),
    ]);
    this.udp.length = 0;
    this.tcp.length = 0;
    this.log.flush();
    this.closeLog();
    this.closeLog = () => undefined;
  }

  /**
   * One client query; never throws (bad input is dropped). `udp`: the listener it came to, undefined over TCP;
   * `hangUp` ends a TCP client's connection.
   */
  handle(buf: Buffer, address: string, port: number, respond: (b: Buffer) => void, udp: UdpClient | undefined, hangUp?: () => void): void {
    try {
      this.process(buf, address, port, respond, udp, hangUp);
    } catch {
      // A packet we cannot handle is dropped, as dnsmasq drops what it cannot parse.
    }
  }

  private process(buf: Buffer, address: string, port: number, respond: (b: Buffer) => void, udp: UdpClient | undefined, hangUp?: () => void): void {
    const q = this.q;
    const viaTcp = udp === undefined;
    if (!readQuestion(buf, q) || (q.flags & FLAG_QR) !== 0) return;
    if (this.resolv !== undefined) this.resolv.poll(this.clock.nowMs());
    const log = this.log;
    const serial = ++this.serial;
    if (log.queries) log.query(`query[${typeName(q.qtype)}] ${q.spelled} from ${address}`, serial, address, port);
    // Our own answers carry --edns-packet-max in their OPT record when the query had one.
    const optSize = q.arcount > 0 && hasOpt(buf, q) ? this.config.ednsPacketMax : 0;
    if (((q.flags >> 11) & 0xf) !== 0) return respond(localResponse(buf, q, RCODE_NOTIMP, false, optSize));
    const before = answerBeforeRouting(buf, q, optSize, this.local);
    if (before) {
      for (const line of before.lines) log.query(line, serial, address, port);
      return respond(before.response);
    }
    // dnsmasq looks in the cache before it applies --address/--local rules or picks servers (measured).
    let chainEnd: string | undefined;
    if ((q.flags & FLAG_RD) !== 0 && q.qclass === C_IN) {
      const lines = log.queries ? [] : undefined;
      const answer = answerFromCache(buf, q, optSize, this.cache, this.config.cache, this.clock.nowMs(), lines);
      if (lines) for (const line of lines) log.query(line, serial, address, port);
      if (answer.status === HIT) return respond(answer.response!);
      if (answer.status === HIT_STALE) {
        respond(answer.response!);
        const d = this.routes.route(q.key, q.qtype);
        if (d.kind === 'group') this.engine.forward(buf, q, d.group, undefined, serial, address, port);
        return;
      }
      chainEnd = answer.chainEnd;
    }
    const decision = this.routes.route(q.key, q.qtype);
    const local = answerFromRoute(buf, q, optSize, decision, this.local);
    if (local) {
      for (const line of local.lines) log.query(line, serial, address, port);
      return respond(local.response);
    }
    if (decision.kind !== 'group') return;
    let group = decision.group;
    if (chainEnd !== undefined && viaTcp) {
      // Measured on dnsmasq: over TCP, after cached CNAME links the question goes where the chain's end routes.
      const end = this.routes.route(chainEnd, q.qtype);
      if (end.kind === 'group') group = end.group;
    }
    const waiter: Waiter = { address, port, id: q.id, optSize, serial, send: udp ? udp.lastingSender(address, port) : respond };
    if (viaTcp) {
      if (this.tcpForwards >= MAX_TCP_FORWARDS) return respond(localResponse(buf, q, RCODE_REFUSED, false, optSize));
      this.tcpForwards++;
      void forwardOverTcp(this.deliver, buf, q, group, waiter, serial, this.sockets.connectTcp, hangUp)
        .catch(() => undefined)
        .finally(() => this.tcpForwards--);
      return;
    }
    const outcome = this.engine.forward(buf, q, group, waiter, serial, address, port);
    if (outcome === 'limit' || outcome === 'full') {
      if (outcome === 'limit') log.query('config error is REFUSED', serial, address, port);
      respond(localResponse(buf, q, RCODE_REFUSED, false, optSize));
    }
  }
}

function describe(e: NodeJS.ErrnoException): string {
  if (e.code === 'EADDRINUSE') return 'Address already in use';
  if (e.code === 'EADDRNOTAVAIL') return 'Cannot assign requested address';
  if (e.code === 'EACCES') return 'Permission denied';
  return e.message;
}
