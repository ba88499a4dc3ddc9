import { allHealthy, isQueryType, MAX_PROBE_COUNT, parseTarget, probe, type ProbeOptions, type ProbeTarget } from '@kube-dns-tools/core/probe';
import { upstreamsFromManifest } from '@kube-dns-tools/core/runtime';
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { formatProbeTable } from './probe-table.js';
import { readStdinText, STDIN_ARG, STDIN_LABEL } from '../read-stdin.js';

interface ProbeFlags {
  server?: string[];
  name?: string[];
  count: string;
  type: string;
  timeout: string;
  interval: string;
  format: string;
  manifest?: string;
}

const collect = (value: string, previous: string[] | undefined) => [...(previous ?? []), value];

function positiveInt(text: string, flag: string, max: number): number {
  if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > max) throw new Error(`${flag} must be a whole number from 1 to ${max}, got "${text}"`);
  return Number(text);
}

/** `probe --server ADDR#PORT... --name NAME... [--count N] [--format table|json]`: exit 0 all healthy, 1 otherwise, 2 bad usage. */
export function registerProbe(program: Command): void {
  const cmd: Command = program
    .command('probe')
    .description('ask each upstream the same names N times and report NODATA/NXDOMAIN/SERVFAIL/timeouts, latency and answers that change over time')
    .option('--server <ADDR#PORT>', 'an upstream to probe (repeatable; port defaults to 53)', collect)
    .option('--name <NAME>', 'a name to ask for (repeatable, at least one)', collect)
    .option('--count <N>', 'queries per name and server', '10')
    .option('--type <TYPE>', 'query type', 'A')
    .option('--timeout <MS>', 'how long to wait for each reply', '2000')
    .option('--interval <MS>', 'pause between rounds of queries to one server', '100')
    .option('--format <FORMAT>', 'table or json', 'table')
    .option('--manifest <FILE>', 'also probe every upstream address the dnsmasq in this manifest (`-`: standard input) forwards to');
  cmd.action(async (flags: ProbeFlags) => {
    let request: ReturnType<typeof readFlags>;
    try {
      request = readFlags(flags);
    } catch (e) {
      return cmd.error(`error: ${(e as Error).message}`, { exitCode: 2 });
    }
    const report = await probe(request);
    process.stdout.write(flags.format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : formatProbeTable(report));
    process.exitCode = allHealthy(report) ? 0 : 1;
  });
}

/** The probe request the flags ask for; throws an Error naming the bad flag. */
function readFlags(flags: ProbeFlags): ProbeOptions {
  if (flags.format !== 'table' && flags.format !== 'json') throw new Error(`--format must be table or json, got "${flags.format}"`);
  const names = flags.name ?? [];
  const servers = [...(flags.manifest === undefined ? [] : manifestServers(flags.manifest)), ...(flags.server ?? []).map(parseTarget)];
  if (servers.length === 0) throw new Error('give at least one --server ADDR#PORT or a --manifest');
  if (names.length === 0) throw new Error('give at least one --name NAME');
  const type = flags.type.toUpperCase();
  if (!isQueryType(type)) throw new Error(`--type "${flags.type}" is not a record type this probe knows (A, AAAA, CNAME, MX, TXT, SRV, PTR, NS, SOA, ...)`);
  return {
    servers: unique(servers),
    names,
    type,
    count: positiveInt(flags.count, '--count', MAX_PROBE_COUNT),
    timeoutMs: positiveInt(flags.timeout, '--timeout', 60_000),
    intervalMs: flags.interval === '0' ? 0 : positiveInt(flags.interval, '--interval', 60_000),
  };
}

function manifestServers(path: string): ProbeTarget[] {
  if (path === STDIN_ARG) return upstreamsOf(readStdinText(), STDIN_LABEL);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new Error(`cannot read ${path}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
  }
  return upstreamsOf(text, path);
}

function upstreamsOf(text: string, path: string): ProbeTarget[] {
  const { targets, notes } = upstreamsFromManifest(text, path);
  for (const n of notes) process.stderr.write(`note: ${n}\n`);
  return targets;
}

function unique(targets: ProbeTarget[]): ProbeTarget[] {
  return [...new Map(targets.map((t) => [`${t.address}#${t.port}`, t])).values()];
}
