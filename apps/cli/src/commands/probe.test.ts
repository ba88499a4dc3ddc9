import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command, CommanderError } from 'commander';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FakeUpstream } from '../../../../packages/core/test/differential/fake-upstream.js';
import type { UpstreamScript } from '../../../../packages/core/test/differential/scenario-format.js';
import { registerProbe } from './probe.js';

const ups: FakeUpstream[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
  await Promise.all(ups.splice(0).map((u) => u.stop()));
});

async function upstream(script: UpstreamScript): Promise<string> {
  const u = await new FakeUpstream(script).start();
  ups.push(u);
  return `127.0.0.1#${u.port}`;
}

/** Runs `kube-dns-tools probe ARGS` in-process; returns stdout, stderr and the exit status. */
async function cli(args: string[]): Promise<{ out: string; err: string; code: number }> {
  let out = '';
  let err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  const program = new Command('kube-dns-tools').exitOverride().configureOutput({ writeErr: (s) => (err += s), writeOut: (s) => (out += s) });
  registerProbe(program);
  try {
    await program.parseAsync(['probe', ...args], { from: 'user' });
  } catch (e) {
    if (!(e instanceof CommanderError)) throw e;
    return { out, err, code: e.exitCode === 0 ? 0 : 2 }; // as main.ts's exitOverride maps usage errors
  }
  return { out, err, code: Number(process.exitCode ?? 0) };
}

const answer = { answers: [{ name: '{qname}', type: 'A', ttl: 60, data: '192.0.2.1' }] };

describe('kube-dns-tools probe', () => {
  it('prints the JSON contract and exits 0 when every upstream is healthy', async () => {
    const server = await upstream({ default: answer });
    const r = await cli(['--server', server, '--name', 'a.example', '--name', 'b.example', '--count', '2', '--interval', '0', '--format', 'json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out);
    expect(report.upstreams).toHaveLength(1);
    const up = report.upstreams[0];
    expect(up.server).toBe(server);
    expect(up.verdict).toBe('healthy');
    expect(up.names.map((n: { name: string }) => n.name)).toEqual(['a.example', 'b.example']);
    expect(Object.keys(up.names[0])).toEqual(['name', 'verdict', 'counts', 'latencyMs', 'answers']);
    expect(Object.keys(up.names[0].counts)).toEqual(['answer', 'nodata', 'nxdomain', 'servfail', 'refused', 'timeout', 'truncated']);
    expect(Object.keys(up.names[0].latencyMs)).toEqual(['p50', 'p95', 'max']);
    expect(up.names[0].answers).toEqual([['192.0.2.1']]);
  });

  it('prints a table and exits 1 when an upstream flaps between an address and NODATA', async () => {
    const server = await upstream({ rules: [{ match: { name: '*' }, responses: [answer, {}], cycle: true }] });
    const r = await cli(['--server', server, '--name', 'repo1.maven.org', '--count', '4', '--interval', '0']);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^SERVER\s+NAME\s+VERDICT\s+ANSWER\s+NODATA/);
    expect(r.out).toMatch(new RegExp(`${server}\\s+repo1\\.maven\\.org\\s+flaky\\s+2\\s+2\\s`));
    expect(r.out).toContain(`${server}: flaky`);
  });

  it('probes the upstreams named in a manifest', async () => {
    const server = await upstream({ default: answer });
    const dir = mkdtempSync(join(tmpdir(), 'kdt-probe-'));
    const file = join(dir, 'kube-dns.yaml');
    writeFileSync(file, `kind: Deployment\nmetadata: {name: kube-dns}\nspec:\n  template:\n    spec:\n      containers:\n      - name: dnsmasq\n        args: ["-k", "--server=/cluster.local/${server}", "--server=${server}"]\n`);
    try {
      const r = await cli(['--manifest', file, '--name', 'kubernetes.default.svc.cluster.local', '--count', '1', '--format', 'json']);
      expect(r.err).toBe('');
      expect(r.code).toBe(0);
      expect(JSON.parse(r.out).upstreams.map((u: { server: string }) => u.server)).toEqual([server]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('exits 1 for a server that never answers', async () => {
    const server = await upstream({ default: { drop: true } });
    const r = await cli(['--server', server, '--name', 'x.example', '--count', '1', '--timeout', '100', '--format', 'json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out).upstreams[0].verdict).toBe('down');
  });

  it.each([
    [['--name', 'x'], /at least one --server ADDR#PORT or a --manifest/],
    [['--manifest', '/nonexistent/kube-dns.yaml', '--name', 'x'], /cannot read \/nonexistent\/kube-dns.yaml: no such file/],
    [['--server', '127.0.0.1#53'], /at least one --name/],
    [['--server', 'dns.example', '--name', 'x'], /"dns.example" is not an IPv4 or IPv6 address/],
    [['--server', '127.0.0.1', '--name', 'x', '--count', '0'], /--count must be a whole number/],
    [['--server', '127.0.0.1', '--name', 'x', '--format', 'xml'], /--format must be table or json/],
    [['--server', '127.0.0.1', '--name', 'x', '--type', 'BOGUS'], /--type "BOGUS"/],
    [['--server', '127.0.0.1', '--name', 'x', '--bogus'], /unknown option/],
  ])('exits 2 on bad usage %j', async (args, message) => {
    const r = await cli(args);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.out).toBe('');
  });
});
