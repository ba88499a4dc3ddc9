import { describe, expect, it } from 'vitest';
import { parseServerValue } from './server.js';
import type { ServerOptionKind, ServerParseResult } from './server-spec.js';

function ok(option: ServerOptionKind, value: string) {
  const result = parseServerValue(option, value);
  if (!result.ok) throw new Error(`${value}: ${result.error.reason}`);
  return result.spec;
}

function error(option: ServerOptionKind, value: string) {
  const result: ServerParseResult = parseServerValue(option, value);
  if (result.ok) throw new Error(`${value} was accepted`);
  const { reason, explanation, range } = result.error;
  return { reason, explanation, at: value.slice(range.start, range.end) };
}

describe('--server targets', () => {
  it('normalises legacy IPv4 forms and keeps the port', () => {
    expect(ok('server', '127.1#5353').target).toEqual({ kind: 'upstream', family: 4, address: '127.0.0.1', port: 5353 });
    expect(ok('server', '0x7f000001').target).toMatchObject({ address: '127.0.0.1', port: 53 });
    expect(ok('server', '127.0.0.1#').target).toMatchObject({ port: 0 });
    expect(ok('server', '127.0.0.1#4294967349').target).toMatchObject({ port: 53 });
  });

  it('drops blanks around separators like dnsmasq (but not at the ends)', () => {
    const spec = ok('server', '/a/ 1.2.3.4 # 99 @ lo');
    expect(spec.target).toEqual({ kind: 'upstream', family: 4, address: '1.2.3.4', port: 99, source: { interface: 'lo' } });
    expect(spec.raw.slice(spec.portRange?.start, spec.portRange?.end)).toBe('99');
    expect(error('server', '127.0.0.1 ').reason).toBe('Name or service not known');
    expect(error('server', '127.0.0.1#53 ').reason).toBe('bad port');
  });

  it('reads sources: address, interface, interface@address, with their own port', () => {
    expect(ok('server', '127.0.0.1@lo@127.0.0.2#5353').target).toMatchObject({
      source: { interface: 'lo', address: '127.0.0.2', family: 4, port: 5353 },
    });
    expect(ok('server', '::1@::1').target).toMatchObject({ source: { address: '::1', family: 6 } });
    expect(ok('server', '127.0.0.1@0x7f000001').target).toMatchObject({ source: { interface: '0x7f000001' } });
    expect(ok('server', '127.0.0.1@').target).toMatchObject({ source: { interface: '' } });
    // getaddrinfo's results skip a source of the other family instead of failing
    expect(ok('server', '127.1@::1').target).toMatchObject({ address: '127.0.0.1' });
  });

  it('keeps host names apart so that lint can warn about them', () => {
    expect(ok('server', 'kube-dns.kube-system.svc#53@lo').target).toEqual({
      kind: 'hostname', host: 'kube-dns.kube-system.svc', port: 53, source: { interface: 'lo' },
    });
    expect(ok('server', 'localhost%lo').target).toMatchObject({ kind: 'hostname', scopeId: 'lo' });
    expect(ok('server', 'foo_bar.test').target.kind).toBe('hostname');
    for (const notName of ['-foo.test', 'a..b', '.foo', 'foo bar', 'foo/bar', 'bücher.test', '1.2.3.4.5', '4294967296']) {
      expect(error('server', notName).reason, notName).toBe('Name or service not known');
    }
  });

  it('explains and points at the usual mistakes', () => {
    expect(error('server', '127.0.0.1:10053')).toMatchObject({
      explanation: "dnsmasq writes the port after '#': 127.0.0.1#10053",
      at: '127.0.0.1:10053',
    });
    expect(error('server', '[::1]:53').explanation).toContain('::1#53');
    expect(error('server', '127.0.0.1,127.0.0.2').explanation).toContain('repeat the option');
    expect(error('server', '/cluster.local/127.0.0.1#99999')).toMatchObject({ reason: 'bad port', at: '99999' });
    expect(error('server', '127.0.0.1@127.0.0.1#abc')).toMatchObject({ reason: 'bad port', at: 'abc' });
    expect(error('server', '127.0.0.1@::1')).toMatchObject({ at: '::1' });
    expect(error('server', 'fe80::1%')).toMatchObject({ reason: 'bad interface name', at: '%' });
    expect(error('server', '127.0.0.1@lo@eth0')).toMatchObject({ at: 'eth0' });
  });

  it('asks the interface hook about IPv6 scopes only', () => {
    const hook = { interfaceExists: (name: string) => name === 'lo' };
    expect(parseServerValue('server', 'fe80::1%eth9', hook)).toMatchObject({ ok: false, error: { reason: 'bad interface name' } });
    expect(parseServerValue('server', '127.0.0.1%eth9', hook)).toMatchObject({ ok: true });
    expect(parseServerValue('server', 'fe80::1%lo', hook)).toMatchObject({ ok: true, spec: { target: { scopeId: 'lo' } } });
  });
});

describe('domains', () => {
  const domains = (value: string) => ok('server', value).domains.map(({ name, kind }) => `${kind}:${name}`);

  it('classifies suffix, wildcard, unqualified and every-name forms', () => {
    expect(domains('/..a/*.b/*c//#/1.2.3.4')).toEqual(['suffix:a', 'wildcard:.b', 'wildcard:c', 'unqualified:', 'all:']);
    expect(domains('/./*/*./1.2.3.4')).toEqual(['all:', 'all:', 'all:']);
    expect(domains('/A B/a.b./1.2.3.4')).toEqual(['suffix:a b', 'suffix:a.b']);
  });

  it('converts IDN like libidn2 and refuses what it refuses', () => {
    expect(domains('/bücher.example/1.2.3.4')).toEqual(['suffix:xn--bcher-kva.example']);
    expect(domains('/Ü.x/XN--TDA/faß.de/1.2.3.4')).toEqual(['suffix:xn--tda.x', 'suffix:xn--tda', 'suffix:xn--fa-hia.de']);
    expect(domains('/ü。x/Ａb/ß\u00ad0/1.2.3.4')).toEqual(['suffix:xn--tda.x', 'suffix:ab', 'suffix:xn--0-pfa']);
    for (const bad of ['ü', 'ü.ü', '-ü', 'Ab--c', 'Ab-', 'XN--ZZ', 'a ü', '*ü', `${'a'.repeat(64)}.com`, 'a\tb',
      'a😀', 'zㄱ', 'aـb', 'İa٣', '\u0301a']) {
      expect(error('server', `/${bad}/1.2.3.4`).reason, bad).toBe('try --help');
    }
  });

  it('reports target errors before domain errors, as dnsmasq does', () => {
    expect(error('server', '/ü/1.2.3.4@::1').reason).toBe('cannot use IPv4 server address with IPv6 source address');
    expect(error('server', '/ü/1.2.3.4').reason).toBe('try --help');
  });

  it("follows dnsmasq 2.90's walk through the domain list, quirks included (start-up lines checked)", () => {
    expect(domains('/a./b/1.2.3.4')).toEqual(['suffix:a', 'unqualified:', 'suffix:b']);
    expect(domains('/a/b  /c/1.2.3.4')).toEqual(['suffix:a', 'suffix:b', 'unqualified:', 'unqualified:', 'suffix:c']);
    expect(domains('/#/b/1.2.3.4')).toEqual(['all:', 'unqualified:', 'suffix:b']);
    expect(domains('/a/ b/c/1.2.3.4')).toEqual(['suffix:a', 'suffix: b', 'suffix:c']);
    expect(domains('/..a..//1.2.3.4')).toEqual(['suffix:a.', 'unqualified:', 'unqualified:']);
    expect(error('server', '/example.com/ .0.0.1/')).toMatchObject({ reason: 'try --help', at: ' ' });
    expect(error('server', '/a/ b/1.2.3.4#99999').reason).toBe('bad port');
  });

  it('turns a trailing slash into a second local-only domain', () => {
    const spec = ok('server', '/example.com/127.0.0.1/');
    expect(spec.target).toEqual({ kind: 'local' });
    expect(spec.domains.map((d) => d.name)).toEqual(['example.com', '127.0.0.1']);
  });

  it('uses the text as both domain and server when the closing slash is missing', () => {
    const spec = ok('server', '/example.com');
    expect(spec.target).toMatchObject({ kind: 'hostname', host: 'example.com' });
    expect(spec.domains.map((d) => d.name)).toEqual(['example.com']);
  });
});

describe('--address and --local', () => {
  it('takes strict literals, # and nothing', () => {
    expect(ok('address', '/a/2001:DB8::1').target).toEqual({ kind: 'address', family: 6, address: '2001:db8::1' });
    expect(ok('address', '/a/#').target).toEqual({ kind: 'null-address' });
    expect(ok('address', '/#/1.2.3.4').domains[0]).toMatchObject({ kind: 'all' });
    expect(ok('local', '#').target).toEqual({ kind: 'default-servers' });
    expect(ok('local', '').target).toEqual({ kind: 'local' });
  });

  it('refuses anything else with its own message', () => {
    expect(error('address', '/a/127.1')).toMatchObject({ reason: 'Bad address in --address', explanation: expect.stringContaining('127.0.0.1') });
    expect(error('address', '/a/192.0.2.1#53').explanation).toContain('no port');
    expect(error('address', '/a/localhost').explanation).toContain('does not resolve');
    expect(error('address', '/a/::1%lo').reason).toBe('Bad address in --address');
  });
});
