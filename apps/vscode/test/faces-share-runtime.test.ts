import { fork, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import dgram from 'node:dgram';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as dnsPacket from 'dns-packet';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { bundleCli } from '../../cli/bundle.mjs';
import type { ForwarderRequest } from '../src/forwarder/forwarder-control.js';
import { forwarderPlan } from '../src/forwarder/forwarder-plan.js';
import { probeTargets } from '../src/probe/probe-targets.js';

/**
 * The CLI and the extension run the same use cases from core/runtime: forwarder start-up (startForwarder),
 * a manifest's argv (manifestArgv), its upstreams (configUpstreams) and the incident demo (runDemo). Each test gives both faces, as users
 * run them (the CLI bundled from source, the extension's forwarder process as built), the same manifest and
 * checks they agree. Every DNS packet goes to 127.0.0.1.
 */
const FORWARDER = join(__dirname, '../dist/forwarder.js');
const INCIDENT = join(__dirname, '../dist/incident.js');
const dir = mkdtempSync(join(tmpdir(), 'kdt-faces-'));
let cli = '';

beforeAll(async () => {
  cli = await bundleCli(dir, { logLevel: 'silent' });
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const manifest = (args: string[]) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: kube-dns
spec:
  template:
    spec:
      containers:
      - name: dnsmasq
        image: registry.k8s.io/dns/k8s-dns-dnsmasq-nanny:1.23.0
        args:
${args.map((a) => `        - ${a}`).join('\n')}
`;

function writeManifest(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** A loopback upstream answering every A question with `address`. */
async function fakeUpstream(address: string): Promise<{ port: number; queries: string[]; close: () => Promise<void> }> {
  const socket = dgram.createSocket('udp4');
  const queries: string[] = [];
  socket.on('message', (message, peer) => {
    const query = dnsPacket.decode(message);
    const question = query.questions![0]!;
    queries.push(question.name);
    const answers = question.type === 'A' ? [{ type: 'A' as const, name: question.name, ttl: 300, data: address }] : [];
    socket.send(dnsPacket.encode({ id: query.id, type: 'response', flags: dnsPacket.RECURSION_DESIRED | dnsPacket.RECURSION_AVAILABLE, questions: query.questions, answers }), peer.port, peer.address);
  });
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  return { port: socket.address().port, queries, close: () => new Promise((resolve) => socket.close(() => resolve())) };
}

function ask(port: number, name: string): Promise<{ rcode: string | undefined; answers: string[] }> {
  const socket = dgram.createSocket('udp4');
  return new Promise<{ rcode: string | undefined; answers: string[] }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer for ${name}`)), 5000);
    socket.on('message', (message, from) => {
      if (from.port !== port) return; // a stray datagram to a reused port, not the answer
      clearTimeout(timer);
      const reply = dnsPacket.decode(message);
      resolve({ rcode: (reply as { rcode?: string }).rcode, answers: (reply.answers ?? []).map((a) => `${a.type} ${String((a as { data?: unknown }).data)}`) });
    });
    socket.send(dnsPacket.encode({ id: 4242, type: 'query', flags: dnsPacket.RECURSION_DESIRED, questions: [{ type: 'A', name }] }), port, '127.0.0.1');
  }).finally(() => socket.close());
}

interface Running {
  child: ChildProcess;
  /** The first stdout line: the start-up line or the refusal. */
  first: Promise<string>;
  output: () => string;
  exited: Promise<number | null>;
}

function watch(child: ChildProcess): Running {
  let out = '';
  let stdout = '';
  child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const first = new Promise<string>((resolve) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      stdout += chunk.toString();
      if (stdout.includes('\n')) resolve(stdout.split('\n')[0]!);
    });
    void exited.then(() => resolve(stdout.split('\n')[0]!));
  });
  return { child, first, output: () => out, exited };
}

/** `kube-dns-tools forward --manifest FILE --upstream ...`, as a user runs it. */
const cliForward = (path: string, upstreams: string[]) =>
  watch(spawn(process.execPath, [cli, 'forward', '--manifest', path, ...upstreams.flatMap((u) => ['--upstream', u])], { stdio: ['ignore', 'pipe', 'pipe'] }));

/** "Run Local Forwarder": the plan's words and servers, approved, in the extension's forwarder process. */
function extensionForward(text: string, path: string, upstreams: string[], port = 0): Running {
  const plan = forwarderPlan(text, path, { port, upstreams, serverMap: {}, logQueries: false });
  const request: ForwarderRequest = { words: plan.words, upstreams, port, approved: plan.servers };
  return watch(fork(FORWARDER, [JSON.stringify(request)], { stdio: ['ignore', 'pipe', 'pipe', 'ipc'] }));
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const socket = dgram.createSocket('udp4');
    socket.bind(0, '127.0.0.1', () => {
      const { port } = socket.address();
      socket.close(() => resolve(port));
    });
  });
}

async function waitFor(test: () => boolean, output: () => string, ms = 15_000): Promise<void> {
  const started = Date.now();
  while (!test()) {
    if (Date.now() - started > ms) throw new Error(`timed out; output so far:\n${output()}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const warnings = (output: string) =>
  output
    .split('\n')
    .map((line) => /(?:^|: )warning: (.*)$/.exec(line)?.[1])
    .filter((w): w is string => w !== undefined);

describe('the CLI and the extension share the runtime', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  const stopOnCleanup = (running: Running) =>
    cleanups.push(async () => {
      if (running.child.exitCode === null && running.child.signalCode === null) running.child.kill('SIGTERM');
      await running.exited;
    });

  it('forwarder start-up: the same manifest gives the same warnings, routes and cached answers in both', async () => {
    const cluster = await fakeUpstream('192.0.2.10');
    const upstream = await fakeUpstream('192.0.2.20');
    cleanups.push(cluster.close, upstream.close);
    const port = await freePort();
    const text = manifest([
      '--',
      '-k',
      '--cache-size=1000',
      '--no-resolv',
      `--port=${port}`,
      '--listen-address=127.0.0.1',
      `--server=/cluster.local/127.0.0.1#${cluster.port}`,
      '--server=10.36.8.40',
      '--dnssec',
    ]);
    const path = writeManifest('kube-dns.yaml', text);
    const upstreams = [`127.0.0.1#${upstream.port}`];
    const answers: { rcode: string | undefined; answers: string[] }[][] = [];
    const warned: string[][] = [];
    for (const start of [() => cliForward(path, upstreams), () => extensionForward(text, path, upstreams, port)]) {
      const running = start();
      stopOnCleanup(running);
      // The CLI logs dnsmasq's start-up line; the extension's process prints `started ADDR#PORT`.
      await waitFor(() => /started, version 2\.90|^started 127\.0\.0\.1#/m.test(running.output()), running.output);
      const replies = [];
      for (const name of ['kubernetes.default.svc.cluster.local', 'example.org', 'example.org']) replies.push(await ask(port, name));
      answers.push(replies);
      running.child.kill('SIGTERM');
      await running.exited;
      warned.push(warnings(running.output()));
    }
    expect(answers[0]).toEqual([
      { rcode: 'NOERROR', answers: ['A 192.0.2.10'] },
      { rcode: 'NOERROR', answers: ['A 192.0.2.20'] },
      { rcode: 'NOERROR', answers: ['A 192.0.2.20'] },
    ]);
    expect(answers[1]).toEqual(answers[0]);
    // The second example.org was a cache hit in both: each upstream saw each name once per forwarder.
    expect(cluster.queries).toEqual(['kubernetes.default.svc.cluster.local', 'kubernetes.default.svc.cluster.local']);
    expect(upstream.queries).toEqual(['example.org', 'example.org']);
    expect(warned[0]!.length).toBeGreaterThan(0);
    expect(warned[1]).toEqual(warned[0]);
  });

  it('forwarder start-up: an argv dnsmasq would refuse is the same one-line refusal in both, before anything runs', () => {
    const text = manifest(['--', '-k', '--cache-size=lots', '--server=127.0.0.1#53']);
    const path = writeManifest('refused.yaml', text);
    const viaCli = spawnSync(process.execPath, [cli, 'forward', '--manifest', path], { encoding: 'utf8', timeout: 60_000 });
    expect(viaCli.status).toBe(2);
    // Before it, the CLI notes which container it read.
    const refusal = viaCli.stderr.trim().split('\n').at(-1)!;
    expect(refusal).toMatch(/^kube-dns-tools forward: dnsmasq would refuse this argv: .*--cache-size/);
    // The extension refuses when it plans the run, before asking consent or starting its forwarder process.
    expect(() => forwarderPlan(text, path, { port: 0, upstreams: [], serverMap: {}, logQueries: false })).toThrow(refusal.slice('kube-dns-tools forward: '.length));
  });

  it("a manifest's upstreams: probe --manifest probes exactly the servers the extension's Probe Upstreams and Run Local Forwarder name", () => {
    const text = manifest([
      '--',
      '-k',
      '--server=/cluster.local/127.0.0.1#10053',
      '--server=/in-addr.arpa/127.0.0.2#10053',
      '--local=/corp.test/127.0.0.3',
      '--rev-server=10.0.0.0/8,127.0.0.4#5353',
      '--server=127.0.0.5',
      '--server=127.0.0.1#10053',
    ]);
    const path = writeManifest('upstreams.yaml', text);
    // Nothing listens on most of these loopback ports: the probe reports timeouts; the servers it tried are the point.
    const run = spawnSync(process.execPath, [cli, 'probe', '--manifest', path, '--name', 'example.org', '--count', '1', '--timeout', '200', '--format', 'json'], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.stderr).toBe('');
    const probed = (JSON.parse(run.stdout) as { upstreams: { server: string }[] }).upstreams.map((u) => u.server);
    const settings = { port: 0, upstreams: [], serverMap: {}, logQueries: false };
    const consented = forwarderPlan(text, path, settings).servers;
    expect(consented.length).toBe(5);
    expect([...probed].sort()).toEqual([...consented].sort());
    expect([...probeTargets({ text, filePath: path }, settings).keys()].sort()).toEqual([...probed].sort());
  });

  it('the incident demo: `kube-dns-tools demo` and "Replay the Incident" print the same replay, ports aside', async () => {
    const run = (args: string[]) =>
      new Promise<{ code: number | null; out: string }>((resolve) => {
        const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
        let out = '';
        child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
        child.on('exit', (code) => resolve({ code, out: out.replace(/127\.0\.0\.1#\d+/g, '127.0.0.1#PORT') }));
      });
    const viaCli = await run([cli, 'demo']);
    const viaExtension = await run([INCIDENT]);
    expect(viaCli.code).toBe(0);
    expect(viaCli.out).toMatch(/upstream flaky: NODATA/);
    expect(viaExtension).toEqual(viaCli);
  });
});
