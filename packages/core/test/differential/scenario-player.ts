// Plays one scenario: fake upstreams, the command under test, the steps; returns what was observed.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ClientQuery, Scenario, ScenarioStep, UpstreamScript } from './scenario-format.js';
import { FakeUpstream } from './fake-upstream.js';
import { ServerProcess } from './server-process.js';
import { freePort } from './free-port.js';
import { query } from './dns-client.js';
import { normaliseLine } from './log-lines.js';
import type { ScenarioObservation, StepObservation } from './expectations.js';

export const BASE_ARGS = ['-k', '--port={PORT}', '--listen-address=127.0.0.1', '--bind-interfaces', '--no-resolv', '--no-hosts',
  '--conf-file=/dev/null', '--user=root', '--pid-file=', '--log-facility=-'];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function fill(text: string, ports: Record<string, number>, texts: Record<string, string> = {}): string {
  return text.replace(/\{(\w+)\}/g, (whole, key: string) => (key in ports ? String(ports[key]) : key in texts ? texts[key]! : whole));
}

/** Starts a fake upstream; `127.54.*` picks a random address there, again when that one's port is taken. */
async function startUpstream(script: UpstreamScript): Promise<FakeUpstream> {
  if (script.host !== '127.54.*') return new FakeUpstream(script).start();
  for (let attempt = 1; ; attempt++) {
    const host = `127.54.${Math.floor(Math.random() * 256)}.${1 + Math.floor(Math.random() * 250)}`;
    try {
      return await new FakeUpstream(script, host).start();
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EADDRINUSE' || attempt >= 10) throw e;
    }
  }
}

async function startServer(sc: Scenario, command: string, baseArgs: string[], ports: Record<string, number>, texts: Record<string, string>): Promise<ServerProcess> {
  const base = sc.resolv_file ? [...baseArgs.filter((a) => a !== '--no-resolv'), '--resolv-file={RESOLV}'] : baseArgs;
  for (let attempt = 0; ; attempt++) {
    ports.PORT = await freePort();
    const args = [...(sc.base_args === false ? [] : base), ...(sc.args ?? [])].map((a) => fill(a, ports, texts));
    const server = new ServerProcess(command, args);
    const ok = await server.start(sc.startup_wait_ms ?? 3000);
    if (!ok) await server.waitExit(500);
    const portTaken = server.lines.some((l) => /Address already in use|EADDRINUSE|port .* in use/i.test(l));
    if (ok || !portTaken || attempt >= 2) return server;
  }
}

async function playStep(step: ScenarioStep, server: ServerProcess, ups: Map<string, FakeUpstream>, ports: Record<string, number>, texts: Record<string, string>): Promise<StepObservation | null> {
  if (step.sleep_ms) {
    await sleep(step.sleep_ms);
    return null;
  }
  if (step.set_upstream) {
    for (const [name, script] of Object.entries(step.set_upstream)) ups.get(name)?.setScript(script);
    return null;
  }
  const logMark = server.lines.length;
  const upMark = new Map([...ups].map(([k, u]) => [k, u.received.length]));
  const queries: ClientQuery[] = step.parallel ?? (step.query ? [step.query] : []);
  const results = await Promise.all(
    queries.map(async (q) => {
      await sleep(q.start_after_ms ?? 0);
      return query({ port: ports.PORT! }, q);
    }),
  );
  await sleep(step.settle_ms ?? 200);
  return {
    responses: results.map((r) => r.response),
    upstream: Object.fromEntries([...ups].map(([k, u]) => [k, u.received.length - upMark.get(k)!])),
    log: server.lines.slice(logMark).map((l) => normaliseLine(l, ports, texts)),
  };
}

/** `command` is the program under test with its leading words, e.g. "/usr/sbin/dnsmasq". */
export async function playScenario(sc: Scenario, command: string, baseArgs = BASE_ARGS): Promise<ScenarioObservation> {
  const ports: Record<string, number> = {};
  const texts: Record<string, string> = {};
  const ups = new Map<string, FakeUpstream>();
  let server: ServerProcess | undefined;
  let dir: string | undefined;
  try {
    for (const [name, script] of Object.entries(sc.upstreams ?? {})) {
      const up = await startUpstream(script);
      ups.set(name, up);
      ports[name] = up.port;
      if (script.host === '127.54.*') texts[`${name}_HOST`] = up.host;
    }
    if (sc.resolv_file) {
      dir = mkdtempSync(join(tmpdir(), 'kdt-resolv-'));
      texts.RESOLV = join(dir, 'resolv.conf');
      writeFileSync(texts.RESOLV, sc.resolv_file.map((l) => `${fill(l, ports, texts)}\n`).join(''));
    }
    server = await startServer(sc, command, baseArgs, ports, texts);
    const obs: ScenarioObservation = {
      startup: { running: !server.exit, exitCode: server.exit?.code ?? null, log: server.lines.map((l) => normaliseLine(l, ports, texts)) },
      steps: [],
    };
    if (server.exit) return obs;
    for (const step of sc.steps ?? []) obs.steps.push(await playStep(step, server, ups, ports, texts));
    return obs;
  } finally {
    await server?.stop();
    await Promise.all([...ups.values()].map((u) => u.stop()));
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}
