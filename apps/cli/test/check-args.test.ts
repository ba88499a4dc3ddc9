import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

describe('kube-dns-tools check-args', () => {
  it('accepts what dnsmasq accepts: exit 0 and "syntax check OK."', () => {
    const run = runCli(['check-args', '--', '--cache-size=1000', '--no-resolv', '--server=/cluster.local/127.0.0.1#10053', '-N', '-q', '--log-facility=/dev/stdout']);
    expect(run).toMatchObject({ status: 0, stdout: 'syntax check OK.\n' });
  });

  it("refuses with dnsmasq's message, the token and our explanation: exit 1", () => {
    const run = runCli(['check-args', '--', '-N', '--server=/cluster.local/127.0.0.1:10053']);
    expect(run.status).toBe(1);
    const [message, where] = run.stdout.split('\n');
    expect(message).toBe('bad command line options: Name or service not known');
    expect(where).toContain('"--server=/cluster.local/127.0.0.1:10053" (argument 2)');
    expect(where).toContain('#');
  });

  it('prints the JSON contract with --json', () => {
    expect(JSON.parse(runCli(['check-args', '--json', '--', '--cache-size', '500']).stdout)).toEqual({
      ok: false,
      message: 'bad command line options: try --help',
      token: '--cache-size',
    });
    expect(JSON.parse(runCli(['check-args', '--json', '--', '-Nq']).stdout)).toEqual({ ok: true, message: 'syntax check OK.', token: null });
  });

  it('reads --conf-file like dnsmasq does once the argv is accepted', () => {
    const run = runCli(['check-args', '--json', '--', '--conf-file=/nonexistent']);
    expect(run.status).toBe(1);
    expect(JSON.parse(run.stdout)).toEqual({ ok: false, message: 'cannot read /nonexistent: No such file or directory', token: '/nonexistent' });
    expect(runCli(['check-args', '--', '--conf-file=/dev/null']).status).toBe(0);
  });

  it('opens --conf-dir while reading the argv, before any --conf-file, as dnsmasq 2.90 does', () => {
    const verdict = (...args: string[]) => JSON.parse(runCli(['check-args', '--json', '--', ...args]).stdout) as unknown;
    const missing = { ok: false, message: 'cannot access directory /nonexistent-dir: No such file or directory', token: '/nonexistent-dir,.bak' };
    expect(verdict('--conf-file=/nonexistent', '--conf-dir=/nonexistent-dir,.bak')).toEqual(missing);
    expect(verdict('--conf-dir=/nonexistent-dir,.bak', 'junk')).toEqual(missing);
    expect(verdict('--port=x', '--conf-dir=/nonexistent-dir')).toMatchObject({ message: 'bad command line options: try --help' });
    expect(verdict('-7', '/dev/null')).toEqual({ ok: false, message: 'cannot access directory /dev/null: Not a directory', token: '/dev/null' });
    expect(verdict('--conf-dir=', '--conf-dir=/dev/null/x,.bak')).toMatchObject({ message: 'cannot access directory /dev/null/x: Not a directory' });
    const empty = mkdtempSync(join(tmpdir(), 'kdt-conf-dir-'));
    try {
      expect(runCli(['check-args', '--', `--conf-dir=${empty},.bak`, '--conf-dir=']).status).toBe(0);
    } finally {
      rmSync(empty, { recursive: true });
    }
  });

  it('exits 2 on bad usage of our own CLI', () => {
    // Without `--`, words we do not know are still dnsmasq's argv, judged as such.
    expect(runCli(['check-args', '--no-such-flag-of-ours']).status).toBe(1);
    expect(runCli(['no-such-command']).status).toBe(2);
  });
});
