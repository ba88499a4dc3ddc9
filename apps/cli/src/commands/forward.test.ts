import { spawn, type ChildProcess } from 'node:child_process';
import dgram from 'node:dgram';
import path from 'node:path';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manifestArgv } from '@kube-dns-tools/core/runtime';
import { bundleCli, STARTUP_FLAGS } from '../../bundle.mjs';

const dir = mkdtempSync(path.join(tmpdir(), 'kdt-forward-test-'));
let bundle = '';

// The CLI as shipped (launcher, forward.js, read-manifest.js), bundled from the current source.
beforeAll(async () => {
  bundle = await bundleCli(dir, { logLevel: 'silent' });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(args: string[]): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  const child = spawn(process.execPath, [bundle, 'forward', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  return { child, output: () => out, exited };
}

async function waitFor(test: () => boolean, ms = 5000): Promise<void> {
  const t0 = Date.now();
  while (!test()) {
    if (Date.now() - t0 > ms) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
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

describe('forward command', () => {
  it('prints the start-up line when ready and exits 0 on SIGTERM', async () => {
    const port = await freePort();
    const p = run(['--', '-k', `--port=${port}`, '--no-resolv', '--server=127.0.0.1#9', '--log-facility=-']);
    await waitFor(() => p.output().includes('started, version 2.90 cachesize 150'));
    expect(p.output()).toContain('using nameserver 127.0.0.1#9');
    p.child.kill('SIGTERM');
    expect(await p.exited).toBe(0);
    expect(p.output()).toContain('exiting on receipt of SIGTERM');
  });

  it.skipIf(!existsSync('/proc/self/cmdline'))('run as a program (the npm bin), starts node with the start-up V8 flags', async () => {
    const port = await freePort();
    const env = { ...process.env, PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH ?? ''}` };
    const child = spawn(bundle, ['forward', '--', '-k', `--port=${port}`, '--no-resolv', '--server=127.0.0.1#9', '--log-facility=-'], { stdio: ['ignore', 'pipe', 'pipe'], env });
    let out = '';
    child.stderr!.on('data', (d) => (out += d));
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    await waitFor(() => out.includes('started, version 2.90'));
    const argv = readFileSync(`/proc/${child.pid}/cmdline`, 'utf8').split('\0');
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(STARTUP_FLAGS.length).toBeGreaterThan(0);
    for (const flag of STARTUP_FLAGS) expect(argv).toContain(flag);
    expect(argv).toContain(bundle);
  });

  it('a bad argv is one line and exit 2', async () => {
    const p = run(['--', '--cache-size', '--no-resolv']);
    expect(await p.exited).toBe(2);
    expect(p.output().trim().split('\n')).toEqual(['kube-dns-tools forward: dnsmasq would refuse this argv: bad command line options: try --help (at "--cache-size")']);
  });

  it('a port in use is one line and exit 2', async () => {
    const holder = dgram.createSocket('udp4');
    await new Promise<void>((r) => holder.bind(0, '127.0.0.1', () => r()));
    const port = holder.address().port;
    try {
      const p = run(['--', `--port=${port}`, '--no-resolv']);
      expect(await p.exited).toBe(2);
      expect(p.output().trim()).toBe('kube-dns-tools forward: failed to create listening socket for 127.0.0.1: Address already in use');
    } finally {
      holder.close();
    }
  });

  it("--manifest reads the manifest with core's manifestArgv: a templated word is core's one-line error, exit 2", async () => {
    const manifest = path.join(dir, 'templated.yaml');
    const text = `kind: Deployment
spec:
  template:
    spec:
      containers:
      - name: dnsmasq
        image: registry.k8s.io/dns/k8s-dns-dnsmasq-nanny:1.23.0
        args: ["--", "-k", "--server={{ .Values.upstream }}"]
`;
    writeFileSync(manifest, text);
    const p = run(['--manifest', manifest]);
    expect(await p.exited).toBe(2);
    let expected = '';
    try {
      manifestArgv(text, manifest);
    } catch (e) {
      expected = (e as Error).message;
    }
    expect(expected).toMatch(/templated\.yaml:8: the dnsmasq argument "--server=\{\{ \.Values\.upstream \}\}" holds a template placeholder/);
    expect(p.output().trim()).toBe(`kube-dns-tools forward: ${expected}`);
  });
});
