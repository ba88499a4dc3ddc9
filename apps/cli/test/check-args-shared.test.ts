import { describe, expect, it } from 'vitest';
import { checkArgvOnHost, nodeDnsmasqHost } from '@kube-dns-tools/core/dnsmasq';
import { runCli } from './run-cli.js';

/** check-args prints core's verdict on this machine: the refusal order lives in core, the CLI only formats it. */
describe('check-args is core checkArgvOnHost with the node host', () => {
  it.each([
    [['-N', '-q', '--log-facility=-']],
    [['--conf-file=/nonexistent', '--conf-dir=/nonexistent-dir,.bak']],
    [['--conf-dir=/nonexistent-dir,.bak', 'junk']],
    [['--port=x', '--conf-dir=/nonexistent-dir']],
    [['--conf-dir=/dev/null/x']],
    [['--conf-file=/dev/null', '--server=127.0.0.1:10053']],
    [['--server=fe80::1%lo', '--conf-dir=/tmp']],
  ])('%j', (words) => {
    const run = runCli(['check-args', '--json', '--', ...words]);
    const verdict = checkArgvOnHost(words, nodeDnsmasqHost);
    expect(JSON.parse(run.stdout)).toEqual({ ok: verdict.ok, message: verdict.message, token: verdict.token });
    expect(run.status).toBe(verdict.ok ? 0 : 1);
  });
});
