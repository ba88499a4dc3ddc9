// The forwarder process the extension forks (dist/forwarder.js): its control channel over the IPC pipe, the sidecar
// note, consent enforced in the process, core's argv policy, and that it never outlives the extension host.
import { spawn, type ChildProcess } from 'node:child_process';
import dgram from 'node:dgram';
import * as dnsPacket from 'dns-packet';
import { afterEach, describe, expect, it } from 'vitest';
import { CHAIN, FlakyUpstream, manifestArgv } from '@kube-dns-tools/core/runtime';
import type { ControlReply, ForwarderRequest } from '../src/forwarder/forwarder-control.js';
import { forwarderPlan } from '../src/forwarder/forwarder-plan.js';
import { askA, forkForwarder, FORWARDER_SCRIPT } from './forwarder-child.js';


let nextId = 1;
function control(child: ChildProcess, op: 'stats' | 'cache' | 'flush'): Promise<ControlReply> {
  const id = nextId++;
  return new Promise((resolve) => {
    const onMessage = (reply: ControlReply) => {
      if (reply.id !== id) return;
      child.off('message', onMessage);
      resolve(reply);
    };
    child.on('message', onMessage);
    child.send({ id, op });
  });
}

const gone = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return false;
  } catch {
    return true;
  }
};

async function waitFor(test: () => boolean, ms = 5000): Promise<void> {
  const t0 = Date.now();
  while (!test()) {
    if (Date.now() - t0 > ms) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('the forwarder process control channel', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('lists a cached negative from the flaky upstream, counts hits and misses, flushes, and notes the sidecar route', async () => {
    const upstream = new FlakyUpstream();
    const port = await upstream.start();
    cleanups.push(() => upstream.stop());
    upstream.mood = 'flaky';
    const server = `127.0.0.1#${port}`;
    const words = ['-k', '--no-resolv', '--server=/cluster.local/127.0.0.1#10053', `--server=${server}`];
    const forwarder = forkForwarder({ words, upstreams: [], port: 0, approved: [server, '127.0.0.1#10053'] });
    const exited = new Promise((resolve) => forwarder.child.once('exit', resolve));
    cleanups.push(async () => {
      forwarder.child.kill('SIGTERM');
      await exited;
    });
    const line = await forwarder.first;
    expect(line).toMatch(/^started 127\.0\.0\.1#\d+$/);
    const listen = Number(line.split('#')[1]);
    expect((await askA(listen, CHAIN[0])).answers?.map((a) => a.type)).toEqual(['CNAME', 'CNAME']);
    await askA(listen, CHAIN[0]);

    const cache = await control(forwarder.child, 'cache');
    expect(cache.entries).toContainEqual({ name: CHAIN[2], type: 'A', kind: 'nodata', ttl: expect.any(Number), data: '' });
    expect(cache.entries).toContainEqual({ name: CHAIN[0], type: 'CNAME', kind: 'positive', ttl: expect.any(Number), data: CHAIN[1] });
    expect(cache.stats).toMatchObject({ listen: [`127.0.0.1#${listen}`], hits: 1, misses: 1, negatives: 1, upstreams: [{ server, queries: 1, failed: 0, nxdomain: 0, latencyMs: expect.any(Number) }] });

    const flushed = await control(forwarder.child, 'flush');
    expect(flushed.stats).toMatchObject({ entries: 0, negatives: 0 });
    expect((await control(forwarder.child, 'cache')).entries).toEqual([]);
    expect(forwarder.stderr()).toContain(
      'note: cluster.local is routed to 127.0.0.1#10053, a sidecar in the pod that may not answer on this machine; map it with the setting kubeDnsTools.forwarder.serverMap, or its names stay unanswered',
    );
  });

  it("reports each upstream's NXDOMAIN replies and average latency, as dnsmasq's SIGUSR1 dump does", async () => {
    const delayMs = 60;
    const upstream = dgram.createSocket('udp4');
    upstream.on('message', (message, rinfo) => {
      const q = dnsPacket.decode(message);
      const out = dnsPacket.encode({ type: 'response', id: q.id, flags: 0x8180 | 3, questions: q.questions });
      setTimeout(() => upstream.send(out, rinfo.port, rinfo.address), delayMs);
    });
    await new Promise<void>((resolve) => upstream.bind(0, '127.0.0.1', () => resolve()));
    cleanups.push(() => new Promise<void>((resolve) => upstream.close(() => resolve())));
    const server = `127.0.0.1#${upstream.address().port}`;
    const forwarder = forkForwarder({ words: ['--no-resolv', `--server=${server}`], upstreams: [], port: 0, approved: [server] });
    const exited = new Promise((resolve) => forwarder.child.once('exit', resolve));
    cleanups.push(async () => {
      forwarder.child.kill('SIGTERM');
      await exited;
    });
    const listen = Number((await forwarder.first).split('#')[1]);
    expect((await askA(listen, 'missing-1.example')).flags! & 0xf).toBe(3);
    expect((await askA(listen, 'missing-2.example')).flags! & 0xf).toBe(3);

    const [counters] = (await control(forwarder.child, 'stats')).stats!.upstreams;
    expect(counters).toMatchObject({ server, queries: 2, failed: 0, nxdomain: 2 });
    expect(counters!.latencyMs).toBeGreaterThanOrEqual(delayMs - 2);
    expect(counters!.latencyMs).toBeLessThan(delayMs + 1000);
  });

  it('maps the sidecar route when asked, and then says nothing about it', async () => {
    const upstream = new FlakyUpstream();
    const port = await upstream.start();
    cleanups.push(() => upstream.stop());
    const mapped = `127.0.0.1#${port}`;
    const forwarder = forkForwarder({ words: ['--no-resolv', '--server=/maven.org/127.0.0.1#10053'], upstreams: [], port: 0, approved: [mapped], serverMap: { '127.0.0.1#10053': mapped } });
    const exited = new Promise((resolve) => forwarder.child.once('exit', resolve));
    cleanups.push(async () => {
      forwarder.child.kill('SIGTERM');
      await exited;
    });
    const listen = Number((await forwarder.first).split('#')[1]);
    expect((await askA(listen, CHAIN[0])).answers?.at(-1)).toMatchObject({ type: 'A', data: '151.101.40.209' });
    expect(forwarder.stderr()).not.toContain('sidecar');
  });

  it('refuses a server the user did not approve, naming it', async () => {
    const forwarder = forkForwarder({ words: ['--no-resolv', '--server=10.36.8.40'], upstreams: [], port: 0, approved: ['127.0.0.1#53'] });
    expect(await forwarder.first).toBe(
      'failed the forwarder sends queries only to servers approved in VS Code, and the arguments route queries to 10.36.8.40#53; start it with "Run Local Forwarder" to be asked',
    );
  });

  it('is gone after the extension host dies (SIGKILL, no chance to clean up)', async () => {
    const host = `const { fork } = require('node:child_process');
const child = fork(${JSON.stringify(FORWARDER_SCRIPT)}, [process.argv[1]], { stdio: ['ignore', 'pipe', 'ignore', 'ipc'] });
child.stdout.on('data', (d) => process.stdout.write('pid ' + child.pid + ' ' + d));`;
    const request: ForwarderRequest = { words: ['--no-resolv', '--server=127.0.0.1#9'], upstreams: [], port: 0, approved: ['127.0.0.1#9'] };
    const parent = spawn(process.execPath, ['-e', host, JSON.stringify(request)], { stdio: ['ignore', 'pipe', 'inherit'] });
    const line = await new Promise<string>((resolve) => {
      let out = '';
      parent.stdout!.on('data', (d: Buffer) => {
        out += d.toString();
        if (out.includes('\n')) resolve(out);
      });
    });
    const match = /^pid (\d+) started 127\.0\.0\.1#\d+/.exec(line);
    expect(match).not.toBeNull();
    const pid = Number(match![1]);
    expect(gone(pid)).toBe(false);
    parent.kill('SIGKILL');
    await waitFor(() => gone(pid));
  });
});

describe('faces share the runtime', () => {
  it("the extension's plan reads the manifest with core's manifestArgv: same words, same templated-word error", () => {
    const text = `kind: Deployment
spec:
  template:
    spec:
      containers:
      - name: dnsmasq
        image: registry.k8s.io/dns/k8s-dns-dnsmasq-nanny:1.23.0
        args: ["--", "-k", "--server=/cluster.local/127.0.0.1#10053", "--server=10.36.8.40"]
`;
    const settings = { port: 0, upstreams: [], serverMap: {}, logQueries: true };
    expect(forwarderPlan(text, 'kube-dns.yaml', settings)).toEqual({
      words: manifestArgv(text, 'kube-dns.yaml').words,
      where: 'Deployment container dnsmasq',
      servers: ['10.36.8.40#53', '127.0.0.1#10053'],
    });
    const templated = text.replace('10.36.8.40', '{{ .Values.upstream }}');
    expect(() => forwarderPlan(templated, 'kube-dns.yaml', settings)).toThrow(
      'kube-dns.yaml:8: the dnsmasq argument "--server={{ .Values.upstream }}" holds a template placeholder',
    );
  });
});
