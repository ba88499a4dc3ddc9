// Runs Debian's dnsperf (always bounded by time and rate) and reads its summary and latencies.
import { runToEnd } from './procs.mjs';

/**
 * @param {{port: number, file: string, seconds: number, qps: number, verbose?: boolean, cpu?: number, pin?: boolean}} o
 * @returns {Promise<{qps: number, completed: number, lost: number, p50Ms: number|null, p99Ms: number|null}>}
 */
export async function dnsperf(o, pinned) {
  const argv = pinned(o.cpu, ['dnsperf', '-s', '127.0.0.1', '-p', String(o.port), '-d', o.file, '-l', String(o.seconds),
    '-Q', String(o.qps), '-q', '100', '-c', '4', '-t', '2', '-O', 'suppress=timeouts,unexpected', ...(o.verbose ? ['-v'] : [])], o.pin);
  const out = await runToEnd(argv, (o.seconds + 10) * 1000);
  const num = (re) => {
    const m = re.exec(out);
    return m ? Number(m[1]) : NaN;
  };
  let p50Ms = null;
  let p99Ms = null;
  if (o.verbose) {
    const lat = [];
    for (const m of out.matchAll(/^> \S+ \S+ \S+ ([\d.]+)$/gm)) lat.push(Number(m[1]) * 1000);
    lat.sort((a, b) => a - b);
    const at = (p) => (lat.length ? lat[Math.min(lat.length - 1, Math.ceil(p * lat.length) - 1)] : NaN);
    p50Ms = at(0.5);
    p99Ms = at(0.99);
  }
  return { qps: num(/Queries per second:\s+([\d.]+)/), completed: num(/Queries completed:\s+(\d+)/), lost: num(/Queries lost:\s+(\d+)/), p50Ms, p99Ms };
}
