// Runs Debian's dnsperf (always bounded by time and rate) and reads its summary and latencies.
import { runToEnd } from './procs.mjs';

/**
 * @param {{port: number, file: string, seconds: number, qps: number, verbose?: boolean, cpu?: number, pin?: boolean}} o
 * @returns {Promise<{qps: number, completed: number, lost: number, latenciesMs: number[]}>} latencies: every answered query's, with `verbose`
 */
export async function dnsperf(o, pinned) {
  const argv = pinned(o.cpu, ['dnsperf', '-s', '127.0.0.1', '-p', String(o.port), '-d', o.file, '-l', String(o.seconds),
    '-Q', String(o.qps), '-q', '100', '-c', '4', '-t', '2', '-O', 'suppress=timeouts,unexpected', ...(o.verbose ? ['-v'] : [])], o.pin);
  const out = await runToEnd(argv, (o.seconds + 10) * 1000);
  const num = (re) => {
    const m = re.exec(out);
    return m ? Number(m[1]) : NaN;
  };
  const latenciesMs = [];
  if (o.verbose) for (const m of out.matchAll(/^> \S+ \S+ \S+ ([\d.]+)$/gm)) latenciesMs.push(Number(m[1]) * 1000);
  return { qps: num(/Queries per second:\s+([\d.]+)/), completed: num(/Queries completed:\s+(\d+)/), lost: num(/Queries lost:\s+(\d+)/), latenciesMs };
}
