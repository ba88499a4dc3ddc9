import { spawn } from 'node:child_process';
import dgram from 'node:dgram';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeUpstream } from '../../../packages/core/test/differential/fake-upstream.js';
import { CLI } from './run-cli.js';

const ups: FakeUpstream[] = [];
afterEach(async () => {
  await Promise.all(ups.splice(0).map((u) => u.stop()));
});

/** A kube-dns Deployment whose dnsmasq forwards only to `server` (loopback). */
function manifest(server: string, port = 53): string {
  return `kind: Deployment\nmetadata: {name: kube-dns}\nspec:\n  template:\n    spec:\n      containers:\n      - name: dnsmasq\n        args: ["-k", "--port=${port}", "--no-resolv", "--log-facility=-", "--server=/cluster.local/${server}", "--server=${server}"]\n`;
}

/** Runs the built CLI asynchronously (the fake upstream answers from this process), feeding `input` on stdin. */
function run(args: string[], input: string, until?: (stderr: string) => boolean): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [CLI, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  let stopping = false;
  child.stderr.on('data', (d) => {
    stderr += d;
    // At once: the forwarder has its signal handlers in place before it says it started.
    if (!stopping && until?.(stderr)) {
      stopping = true;
      child.kill('SIGTERM');
    }
  });
  child.stdin.end(input);
  const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
  return new Promise((resolve) => child.on('exit', (code) => (clearTimeout(timer), resolve({ code, stdout, stderr }))));
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = dgram.createSocket('udp4');
    s.bind(0, '127.0.0.1', () => {
      const p = s.address().port;
      s.close(() => resolve(p));
    });
  });
}

describe('--manifest - (standard input)', () => {
  it('probe probes the upstreams of the manifest on stdin', async () => {
    const u = await new FakeUpstream({ default: { answers: [{ name: '{qname}', type: 'A', ttl: 60, data: '192.0.2.1' }] } }).start();
    ups.push(u);
    const server = `127.0.0.1#${u.port}`;
    const r = await run(['probe', '--manifest', '-', '--name', 'kubernetes.default.svc.cluster.local', '--count', '1', '--format', 'json'], manifest(server));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).upstreams.map((x: { server: string }) => x.server)).toEqual([server]);
  });

  it('probe names stdin when it holds no dnsmasq, exit 2', async () => {
    const r = await run(['probe', '--manifest', '-', '--name', 'x'], 'kind: ConfigMap\n');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('<stdin>: no dnsmasq container found');
  });

  it('forward runs the dnsmasq arguments of the manifest on stdin', async () => {
    const port = await freePort();
    const r = await run(['forward', '--manifest', '-'], manifest('127.0.0.1#9', port), (err) => err.includes('started, version 2.90'));
    expect(r.stderr).toContain('using the dnsmasq arguments of Deployment/kube-dns container dnsmasq in <stdin>');
    expect(r.stderr).toContain('using nameserver 127.0.0.1#9');
    expect(r.code).toBe(0);
  });
});
