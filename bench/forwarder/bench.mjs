#!/usr/bin/env node
// dnsperf against `kube-dns-tools forward` and dnsmasq 2.90, same machine, same upstream, alternating
// runs in one invocation; prints ours/dnsmasq ratios. Loopback only; every load is bounded by time and rate.
// Env: ROUNDS (3), DUR seconds per throughput run (4), SLICES latency slices per server, kind and round (6),
// SLICE_SECONDS (1), PIN (1: servers on CPU 0, dnsperf and upstream on CPU 1), MAX_QPS (400000),
// DNSMASQ_BIN (/usr/sbin/dnsmasq).
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cpuSeconds, machineBusySeconds, peakRssKiB, pinned, startProcess, stopAll, stopProcess } from './lib/procs.mjs';
import { freePort, waitForAnswer } from './lib/net.mjs';
import { dnsperf } from './lib/dnsperf.mjs';
import { writeQueryFiles } from './lib/query-files.mjs';
import { median, percentile, pooledRatioLine, ratioLine } from './lib/stats.mjs';
import { bundleCli } from '../../apps/cli/bundle.mjs';

const ROUNDS = Number(process.env.ROUNDS ?? 3);
const DUR = Number(process.env.DUR ?? 4);
const SLICES = Number(process.env.SLICES ?? 6);
/** Quiet seconds between the throughput runs and the latency slices: the latter measure a steady state. */
const SETTLE_SECONDS = 2;
const SLICE_SECONDS = Number(process.env.SLICE_SECONDS ?? 1);
const PIN = process.env.PIN !== '0';
const DNSMASQ = process.env.DNSMASQ_BIN ?? '/usr/sbin/dnsmasq';
const SERVER_CPU = 0;
const LOAD_CPU = 1;
const LAT_QPS = 5000;
const MAX_QPS = Number(process.env.MAX_QPS ?? 400_000);
const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const log = (m) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${m}`);

function commonArgs(port, upPort) {
  return ['-k', `--port=${port}`, '--listen-address=127.0.0.1', '--bind-interfaces', '--no-resolv', '--no-hosts', '--conf-file=/dev/null',
    '--pid-file=', '--log-facility=/dev/null', '--cache-size=1000', `--server=127.0.0.1#${upPort}`];
}


/** The upstream both servers forward to: dnsmasq answering every A query itself (198.18.0.1, TTL 300), no cache. */
async function startUpstream() {
  const port = await freePort();
  const proc = startProcess(pinned(LOAD_CPU, [DNSMASQ, '-k', `--port=${port}`, '--listen-address=127.0.0.1', '--bind-interfaces', '--no-resolv', '--no-hosts',
    '--conf-file=/dev/null', '--pid-file=', '--log-facility=/dev/null', '--cache-size=0', '--address=/#/198.18.0.1', '--local-ttl=300'], PIN));
  await waitForAnswer(port, 'up.bench.example');
  return { port, proc };
}

async function startServer(name, argvFor, upPort) {
  const port = await freePort();
  const proc = startProcess(pinned(SERVER_CPU, argvFor(commonArgs(port, upPort)), PIN));
  proc.listenPort = port;
  proc.name = name;
  try {
    await waitForAnswer(port, 'ready.bench.example');
  } catch (e) {
    throw new Error(`${name}: ${e.message}; last output: ${proc.lines.slice(-3).join(' | ')}`);
  }
  return proc;
}

const load = (proc, file, seconds, qps, verbose) =>
  dnsperf({ port: proc.listenPort, file, seconds, qps, verbose, cpu: LOAD_CPU, pin: PIN }, pinned);

/** Warm-up, then cache-hit and cache-miss capacity with the server's CPU time per answered query. */
async function throughput(proc, files) {
  await load(proc, files.hit, 2, 20_000, false); // warm-up: JIT, caches filled
  // and the miss path's JIT (names never measured): a JIT compiles a path only once it runs, and a forwarder's
  // capacity is its steady state; dnsmasq gets the same queries, which cost it nothing to warm.
  await load(proc, files.warmMiss, 2, 5_000, false);
  const withCpu = async (file) => {
    const c0 = cpuSeconds(proc.pid);
    const m0 = machineBusySeconds();
    const t0 = Date.now();
    const r = await load(proc, file, DUR, MAX_QPS, false);
    const server = cpuSeconds(proc.pid) - c0;
    const wall = (Date.now() - t0) / 1000;
    // everything else the machine did meanwhile (dnsperf, upstream, other tenants), in % of one core
    const restPct = ((machineBusySeconds() - m0 - server) / wall) * 100;
    return { ...r, usPerQuery: (server * 1e6) / r.completed, serverPct: (server / wall) * 100, restPct };
  };
  const hit = await withCpu(files.hit);
  const miss = await withCpu(files.miss);
  return { hitQps: hit.qps, hitUs: hit.usPerQuery, missQps: miss.qps, missUs: miss.usPerQuery, lost: hit.lost + miss.lost,
    cpuNote: `server ${hit.serverPct.toFixed(0)}%/${miss.serverPct.toFixed(0)}% rest ${hit.restPct.toFixed(0)}%/${miss.restPct.toFixed(0)}%` };
}

/**
 * Latency at a fixed 5,000 qps in short slices, alternating between the two servers (both running), so that
 * the machine's passing stalls, which decide a p99 here, fall on both alike. Misses use names never asked before.
 */
async function latencySlices(procs, files, round) {
  const lat = Object.fromEntries(Object.keys(procs).map((name) => [name, { hit: [], miss: [], lost: 0 }]));
  for (const kind of ['hit', 'miss']) {
    for (let slice = 0; slice < SLICES; slice++) {
      const file = kind === 'hit' ? files.hit : files.latencyMiss(round, slice, LAT_QPS * SLICE_SECONDS);
      const names = Object.keys(procs);
      const order = (slice + round) % 2 === 0 ? names : [...names].reverse();
      for (const name of order) {
        const r = await load(procs[name], file, SLICE_SECONDS, LAT_QPS, true);
        for (const ms of r.latenciesMs) lat[name][kind].push(ms);
        lat[name].lost += r.lost;
      }
    }
  }
  return lat;
}

async function oneRound(round, servers, upPort, files) {
  const procs = {};
  try {
    for (const name of Object.keys(servers)) procs[name] = await startServer(name, servers[name], upPort);
    const order = round % 2 === 0 ? ['ours', 'dnsmasq'] : ['dnsmasq', 'ours'];
    const results = {};
    for (const name of order) results[name] = await throughput(procs[name], files);
    await new Promise((r) => setTimeout(r, SETTLE_SECONDS * 1000));
    const lat = await latencySlices(procs, files, round);
    for (const name of order) {
      const r = Object.assign(results[name], { latHit: lat[name].hit, latMiss: lat[name].miss, rssMiB: peakRssKiB(procs[name].pid) / 1024 });
      r.lost += lat[name].lost;
      const q = (v, p) => percentile(v, p).toFixed(3);
      log(`${name.padEnd(8)} hit ${r.hitQps.toFixed(0)} qps ${r.hitUs.toFixed(1)} us/q | miss ${r.missQps.toFixed(0)} qps ${r.missUs.toFixed(1)} us/q | ` +
        `p50/p99 @5k hit ${q(r.latHit, 0.5)}/${q(r.latHit, 0.99)} ms miss ${q(r.latMiss, 0.5)}/${q(r.latMiss, 0.99)} ms | peak RSS ${r.rssMiB.toFixed(1)} MiB | lost ${r.lost} | cpu hit/miss ${r.cpuNote}`);
    }
    return results;
  } finally {
    for (const proc of Object.values(procs)) await stopProcess(proc);
  }
}

async function main() {
  for (const tool of [DNSMASQ]) if (!existsSync(tool)) throw new Error(`${tool} not found (apt-get install dnsmasq-base)`);
  const dir = mkdtempSync(join(tmpdir(), 'kdt-bench-'));
  const t0 = Date.now();
  try {
    log(`load average before: ${loadavg().map((x) => x.toFixed(2)).join(' ')}; rounds ${ROUNDS}, ${DUR}s throughput runs, ${SLICES}x${SLICE_SECONDS}s latency slices, pinning ${PIN ? 'on' : 'off'}`);
    const cli = await bundleCli(dir);
    process.env.PATH = `${dirname(process.execPath)}:${process.env.PATH ?? ''}`; // the #! line's \`env node\` is this node
    const files = writeQueryFiles(dir);
    const up = await startUpstream();
    const servers = {
      // run as a program, as `npx kube-dns-tools` runs it: its #! line starts node with the start-up V8 flags
      ours: (args) => [cli, 'forward', '--', ...args],
      dnsmasq: (args) => [DNSMASQ, ...args],
    };
    const results = { ours: [], dnsmasq: [] };
    for (let round = 0; round < ROUNDS; round++) {
      const r = await oneRound(round, servers, up.port, files);
      for (const name of Object.keys(results)) results[name].push(r[name]);
    }
    await stopProcess(up.proc);
    const o = results.ours;
    const d = results.dnsmasq;
    const col = (rs, k) => rs.map((r) => r[k]);
    console.log(`\nkube-dns-tools forward vs dnsmasq 2.90, --cache-size=1000, ${ROUNDS} alternating rounds (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
    console.log(ratioLine('hit_qps', col(o, 'hitQps'), col(d, 'hitQps'), 'qps', '>= 1.0'));
    console.log(ratioLine('miss_qps', col(o, 'missQps'), col(d, 'missQps'), 'qps', '>= 1.2'));
    console.log(pooledRatioLine('hit_p99_at_5k_qps', 0.99, col(o, 'latHit'), col(d, 'latHit'), '<= 2.0'));
    console.log(pooledRatioLine('miss_p99_at_5k_qps', 0.99, col(o, 'latMiss'), col(d, 'latMiss'), '<= 2.0'));
    console.log(pooledRatioLine('hit_p50_at_5k_qps', 0.5, col(o, 'latHit'), col(d, 'latHit'), 'lower is better'));
    console.log(pooledRatioLine('miss_p50_at_5k_qps', 0.5, col(o, 'latMiss'), col(d, 'latMiss'), 'lower is better'));
    console.log(ratioLine('peak_rss', col(o, 'rssMiB'), col(d, 'rssMiB'), 'MiB', `ours <= 64 MiB (ours ${median(col(o, 'rssMiB')).toFixed(1)})`));
    console.log(ratioLine('hit_cpu_per_query', col(o, 'hitUs'), col(d, 'hitUs'), 'us', 'lower is better'));
    console.log(ratioLine('miss_cpu_per_query', col(o, 'missUs'), col(d, 'missUs'), 'us', 'lower is better'));
    log(`load average after: ${loadavg().map((x) => x.toFixed(2)).join(' ')}. "rest" = machine CPU not used by the server (dnsperf, upstream, other tenants), % of one core; 2 cores = 200%`);
  } finally {
    await stopAll();
    rmSync(dir, { recursive: true, force: true });
  }
}

for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => stopAll().then(() => process.exit(130)));
main().catch(async (e) => {
  process.stderr.write(`bench: ${e.message}\n`);
  await stopAll();
  process.exit(1);
});
