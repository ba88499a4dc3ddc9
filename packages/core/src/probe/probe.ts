// Asks each upstream the same names N times and reports, per server and name, what came back:
// counts by outcome, latency percentiles, the distinct answers, and a verdict.
import * as dnsPacket from 'dns-packet';
import { formatTarget, type ProbeTarget } from './probe-target.js';
import { probeOnce, type ProbeResult } from './probe-query.js';
import { reportName, upstreamVerdict, type NameReport, type ProbeVerdict } from './probe-verdict.js';

export interface ProbeOptions {
  servers: ProbeTarget[];
  names: string[];
  /** Queries per name and server (default 10, at most 10 000). */
  count?: number;
  /** Query type (default A). */
  type?: string;
  /** How long to wait for each reply (default 2000 ms). */
  timeoutMs?: number;
  /** Pause between two queries to the same server (default 100 ms), so answers are sampled over time. */
  intervalMs?: number;
  /** Each answer as it comes (or times out), in order: for a live view of the attempts. */
  onAttempt?: (server: string, name: string, result: ProbeResult) => void;
  /** Stops sending: the report covers the queries made until then. */
  signal?: AbortSignal;
}

export interface UpstreamReport {
  server: string;
  verdict: ProbeVerdict;
  names: NameReport[];
}

export interface ProbeReport {
  upstreams: UpstreamReport[];
}

export const MAX_PROBE_COUNT = 10_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type ServerOptions = Required<Omit<ProbeOptions, 'servers' | 'onAttempt' | 'signal'>> & Pick<ProbeOptions, 'onAttempt' | 'signal'>;

async function probeServer(server: ProbeTarget, opts: ServerOptions): Promise<UpstreamReport> {
  const results = new Map<string, ProbeResult[]>(opts.names.map((n) => [n, []]));
  for (let round = 0; round < opts.count && !opts.signal?.aborted; round++) {
    if (round > 0 && opts.intervalMs > 0) await sleep(opts.intervalMs);
    for (const name of opts.names) {
      if (opts.signal?.aborted) break;
      const result = await probeOnce(server, { name, type: opts.type, timeoutMs: opts.timeoutMs });
      results.get(name)!.push(result);
      opts.onAttempt?.(formatTarget(server), name, result);
    }
  }
  const names = opts.names.map((n) => reportName(n, results.get(n)!));
  return { server: formatTarget(server), verdict: upstreamVerdict(names), names };
}

/** Servers are probed concurrently; queries to one server go one at a time. */
export async function probe(options: ProbeOptions): Promise<ProbeReport> {
  const count = options.count ?? 10;
  if (!Number.isInteger(count) || count < 1 || count > MAX_PROBE_COUNT) throw new Error(`count must be an integer from 1 to ${MAX_PROBE_COUNT}, got ${count}`);
  if (options.servers.length === 0) throw new Error('no server to probe');
  if (options.names.length === 0) throw new Error('no name to probe');
  if (options.type !== undefined && !isQueryType(options.type.toUpperCase())) throw new Error(`unknown query type ${options.type}`);
  const opts = {
    names: options.names,
    count,
    type: (options.type ?? 'A').toUpperCase(),
    timeoutMs: options.timeoutMs ?? 2000,
    intervalMs: options.intervalMs ?? 100,
    onAttempt: options.onAttempt,
    signal: options.signal,
  };
  return { upstreams: await Promise.all(options.servers.map((s) => probeServer(s, opts))) };
}

/** True when dns-packet knows this query type by name (A, AAAA, MX, TXT, SRV, PTR, ANY, ...). */
export function isQueryType(type: string): boolean {
  if (!/^[A-Z0-9]+$/.test(type)) return false;
  const packet = dnsPacket.encode({ type: 'query', questions: [{ name: 'x', type: type as dnsPacket.RecordType }] });
  return packet.readUInt16BE(15) !== 0; // 12-byte header, then the name "x" in 3 bytes, then QTYPE (0 = unknown)
}

/** True when every upstream is healthy: the CLI's exit status 0. */
export function allHealthy(report: ProbeReport): boolean {
  return report.upstreams.every((u) => u.verdict === 'healthy');
}
