import { describe, expect, it } from 'vitest';
import { isConfFileName, isLintableFileName, isRawArgvFile } from './file-names.js';

describe('file names', () => {
  it('tells dnsmasq conf files and their templates from other files', () => {
    for (const name of ['dnsmasq.conf', 'dnsmasq.d/01-kube-dns.CONF', '01-kube-dns.conf.j2', 'x.conf.jinja', 'x.conf.erb', 'x.conf.gotmpl', 'dnsmasq.conf.example', 'dnsmasq.conf.sample', 'x.conf.dist', 'x.conf.default']) expect(isConfFileName(name), name).toBe(true);
    for (const name of ['dnsmasq.config', 'x.conf.yaml', 'x.conf.bak', 'x.conf.orig', 'x.conf.example.yaml', 'conf', undefined]) expect(isConfFileName(name), String(name)).toBe(false);
  });

  it('tells bare argv files', () => {
    for (const name of ['snippet.args.txt', 'a.args', 'a.ARGV', 'a.argv.txt']) expect(isRawArgvFile(name), name).toBe(true);
    for (const name of ['args', 'a.txt', 'a.args.yaml']) expect(isRawArgvFile(name), name).toBe(false);
  });

  it('a directory walk takes every file lintText reads specially, and manifests and templates', () => {
    for (const name of ['kube-dns.yaml', 'a.YML', 'rc.json', 'kube-dns.yaml.sed', 'dnsmasq.conf', 'a.argv', 'a.argv.txt', 'a.args.txt']) {
      expect(isLintableFileName(name), name).toBe(true);
    }
    for (const name of ['README.md', 'notes.txt', 'Makefile', 'main.go']) expect(isLintableFileName(name), name).toBe(false);
  });
});
