// Starts a forwarder under test (ours or dnsmasq) on loopback in front of a given upstream port,
// and offers the checks the fault tests need: is it alive and answering, how much memory does it use.
import { readFileSync } from 'node:fs';
import { ServerProcess } from '../differential/server-process.js';
import { BASE_ARGS } from '../differential/scenario-player.js';
import { freePort } from '../differential/free-port.js';
import { query } from '../differential/dns-client.js';

/** Answered locally by `--address`, so liveness never depends on the (possibly broken) upstream. */
export const ALIVE_NAME = 'alive.test';
export const ALIVE_ADDRESS = '192.0.2.55';

export interface TargetServer {
  port: number;
  pid: number;
  process: ServerProcess;
  /** Resident set size of the server process, in KiB (from /proc). */
  rssKiB(): number;
  /** Answers a local name over UDP and TCP; throws with the server's last lines otherwise. */
  assertAnswering(): Promise<void>;
  stop(): Promise<void>;
}

export function rssKiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const m = /^VmRSS:\s+(\d+) kB/m.exec(status);
  if (!m) throw new Error(`no VmRSS for pid ${pid}`);
  return Number(m[1]);
}

export async function startTarget(command: string, upstreamPort: number, extraArgs: string[] = []): Promise<TargetServer> {
  const port = await freePort();
  const args = [
    ...BASE_ARGS.map((a) => a.replace('{PORT}', String(port))),
    `--server=127.0.0.1#${upstreamPort}`,
    `--address=/${ALIVE_NAME}/${ALIVE_ADDRESS}`,
    ...extraArgs,
  ];
  const server = new ServerProcess(command, args);
  if (!(await server.start(5000)) || server.pid === undefined) {
    await server.stop();
    throw new Error(`server did not start: ${server.lines.slice(-5).join(' | ')}`);
  }
  const pid = server.pid;
  return {
    port,
    pid,
    process: server,
    rssKiB: () => rssKiB(pid),
    async assertAnswering() {
      if (server.exit) throw new Error(`server exited (${JSON.stringify(server.exit)}): ${server.lines.slice(-5).join(' | ')}`);
      for (const tcp of [false, true]) {
        const r = await query({ port }, { name: ALIVE_NAME, type: 'A', tcp, timeoutMs: 3000 });
        const data = r.response?.answers[0]?.data;
        if (data !== ALIVE_ADDRESS) throw new Error(`no valid ${tcp ? 'TCP' : 'UDP'} answer for ${ALIVE_NAME}: ${JSON.stringify(r)}`);
      }
    },
    stop: () => server.stop(),
  };
}

/** The commands the fault tests run against: ours always; dnsmasq too when KDT_FAULTS_DNSMASQ=1 (to check the tests). */
export function faultTargets(ours: () => string): { name: string; command: () => string }[] {
  const targets = [{ name: 'kube-dns-tools forward', command: ours }];
  if (process.env.KDT_FAULTS_DNSMASQ === '1') targets.push({ name: 'dnsmasq', command: () => process.env.DNSMASQ_BIN ?? '/usr/sbin/dnsmasq' });
  return targets;
}
