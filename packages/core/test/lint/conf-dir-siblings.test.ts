import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { confDirServers, isConfDirEntry, readConfDirSiblings, type ConfDirFileSystem } from '../../src/lint/conf-dir-siblings.js';
import { lintText } from '../../src/lint/lint-text.js';
import { nodeConfDirFileSystem } from '../../src/lint/node-config-file-system.js';

/** Issue 14: a conf fragment is judged on what the other files of its folder give it, read through the host. */

const FIXTURES = fileURLToPath(new URL('../fixtures/trust/conf-dir-siblings/', import.meta.url));

function lintFragment(path: string, fs: ConfDirFileSystem = nodeConfDirFileSystem) {
  const file = join(FIXTURES, path);
  const confSiblings = readConfDirSiblings(file, fs);
  const findings = lintText(readFileSync(file, 'utf8'), { filePath: file, ...(confSiblings ? { confSiblings } : {}) }).findings;
  return { confSiblings, upstream: findings.filter((f) => f.ruleId === 'no-upstream') };
}

describe('conf-dir siblings', () => {
  it('a sibling that names a default server, or enables D-Bus, completes the fragment: no error', () => {
    expect(lintFragment('named/10-base.conf').upstream).toEqual([]);
    expect(lintFragment('dbus/10-base.conf').upstream).toEqual([]);
  });

  it('siblings read and judged, none giving a server: the error stands and names them', () => {
    const { confSiblings, upstream } = lintFragment('none/10-base.conf');
    // Backups (~), hidden files and #editor# files are not read by dnsmasq's conf-dir, so they do not count.
    expect(confSiblings?.map((s) => s.name)).toEqual(['20-local.conf']);
    expect(upstream).toHaveLength(1);
    expect(upstream[0]!.severity).toBe('error');
    expect(upstream[0]!.message).toContain('outside corp.example');
    expect(upstream[0]!.message).toContain('none of the other files of its folder (20-local.conf) gives one either');
  });

  it('stays silent when the folder cannot be judged: a sibling that is not dnsmasq conf, no sibling, or a *.d folder whose main conf is out of view', () => {
    expect(lintFragment('not-conf/10-base.conf').upstream).toEqual([]);
    expect(lintFragment('lone/upstream.conf').upstream).toEqual([]);
    expect(lintFragment('etc/dnsmasq.d/10-base.conf').upstream).toEqual([]);
  });

  it('stays silent when a sibling cannot be read, or the folder cannot be listed', () => {
    const unreadable: ConfDirFileSystem = { listFiles: () => ['10-base.conf', '20-local.conf'], readFile: () => undefined };
    expect(lintFragment('none/10-base.conf', unreadable).upstream).toEqual([]);
    const unlisted: ConfDirFileSystem = { listFiles: () => undefined, readFile: () => 'server=10.96.0.10\n' };
    expect(lintFragment('none/10-base.conf', unlisted)).toEqual({ confSiblings: undefined, upstream: [] });
  });

  it('a *.d folder is judged with the main dnsmasq.conf of its parent folder', () => {
    const withMain = (main: string): ConfDirFileSystem => ({
      listFiles: (dir) => nodeConfDirFileSystem.listFiles(dir),
      readFile: (path) => (path === join(FIXTURES, 'etc/dnsmasq.conf') ? main : nodeConfDirFileSystem.readFile(path)),
    });
    expect(lintFragment('etc/dnsmasq.d/10-base.conf', withMain('server=10.96.0.10\n')).upstream).toEqual([]);
    expect(lintFragment('etc/dnsmasq.d/10-base.conf', withMain('cache-size=500\n')).upstream).toHaveLength(1);
  });

  it('judges each sibling as dnsmasq would read it', () => {
    expect(confDirServers([{ name: 'a.conf', text: 'resolv-file=/etc/resolv.upstream\n' }]).servers).toBe('named');
    expect(confDirServers([{ name: 'a.conf', text: 'resolv-file=/dev/null\n' }]).servers).toBe('none');
    expect(confDirServers([{ name: 'a.conf', text: 'servers-file=/etc/servers\n' }]).servers).toBe('named');
    expect(confDirServers([{ name: 'a.conf', text: 'server=/#/10.0.0.1\n' }]).servers).toBe('named');
    expect(confDirServers([{ name: 'a.conf', text: 'server={{ upstream }}\n' }]).servers).toBe('unknown');
    expect(confDirServers([{ name: 'a.conf', text: 'address=/lan/10.0.0.1\n' }]).servers).toBe('none');
    expect(confDirServers([]).servers).toBe('unknown');
    expect(['a.conf', 'a.conf~', '.a.conf', '#a.conf#', '#'].map(isConfDirEntry)).toEqual([true, false, false, false, true]);
  });
});
