import { describe, expect, it } from 'vitest';
import { checkArgvOnHost, type DnsmasqHost } from './host-check.js';

/** A machine described in memory: the directories and files that exist, and the interfaces. */
function host(dirs: string[], files: string[]): DnsmasqHost {
  return {
    interfaceExists: (name) => name === 'lo',
    directoryProblem: (path) => (dirs.includes(path) ? undefined : files.includes(path) ? 'Not a directory' : 'No such file or directory'),
    fileProblem: (path) => (files.includes(path) ? undefined : 'No such file or directory'),
  };
}
const machine = host(['/etc/dnsmasq.d'], ['/etc/dnsmasq.conf']);
const verdict = (...words: string[]) => {
  const v = checkArgvOnHost(words, machine);
  return { ok: v.ok, message: v.message, token: v.token };
};

describe('checkArgvOnHost: dnsmasq 2.90 refusal order with the disk', () => {
  it('accepts an argv whose conf-dirs open and conf-files read', () => {
    expect(verdict('--conf-dir=/etc/dnsmasq.d,.bak', '--conf-file=/etc/dnsmasq.conf', '-N')).toEqual({ ok: true, message: 'syntax check OK.', token: null });
  });

  it('opens conf-dirs while reading the argv: before any conf-file and before junk words, after an earlier refused option', () => {
    const missing = { ok: false, message: 'cannot access directory /missing: No such file or directory', token: '/missing,.bak' };
    expect(verdict('--conf-file=/missing.conf', '--conf-dir=/missing,.bak')).toEqual(missing);
    expect(verdict('--conf-dir=/missing,.bak', 'junk')).toEqual(missing);
    expect(verdict('--port=x', '--conf-dir=/missing')).toMatchObject({ message: 'bad command line options: try --help' });
    expect(verdict('--conf-dir=/etc/dnsmasq.conf')).toMatchObject({ message: 'cannot access directory /etc/dnsmasq.conf: Not a directory' });
  });

  it('reads conf-files only once the argv is accepted', () => {
    expect(verdict('--conf-file=/missing.conf')).toEqual({ ok: false, message: 'cannot read /missing.conf: No such file or directory', token: '/missing.conf' });
    expect(verdict('--conf-file=/missing.conf', '--port=x')).toMatchObject({ message: 'bad command line options: try --help' });
  });

  it('asks the host whether a %scope interface exists', () => {
    expect(checkArgvOnHost(['--server=fe80::1%lo'], machine).ok).toBe(true);
    expect(checkArgvOnHost(['--server=fe80::1%eth9'], machine).ok).toBe(false);
  });
});
