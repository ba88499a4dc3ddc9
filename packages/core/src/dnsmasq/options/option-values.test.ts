import { describe, expect, it } from 'vitest';
import { OPTION_TABLE } from './option-table.js';
import { MODELLED_VALUE_OPTIONS, validateOptionValue } from './option-values.js';

const spec = (long: string) => {
  const found = OPTION_TABLE.find((o) => o.long === long);
  if (!found) throw new Error(long);
  return found;
};

function verdict(long: string, value: string | undefined) {
  const v = validateOptionValue(spec(long), value, 'long');
  return v && { reason: v.reason, at: value?.slice(v.range.start, v.range.end), explanation: v.explanation };
}

describe('validateOptionValue (verdicts measured on dnsmasq 2.90)', () => {
  it('models the options the kube-dns setups use', () => {
    for (const long of ['server', 'address', 'rev-server', 'cache-size', 'port', 'neg-ttl', 'log-facility', 'cache-rr', 'listen-address']) {
      expect(MODELLED_VALUE_OPTIONS.has(long), long).toBe(true);
    }
    expect(MODELLED_VALUE_OPTIONS.has('no-negcache')).toBe(false);
  });

  it('reads numbers with atoi and checks 16-bit ports after the wrap-around', () => {
    expect(verdict('port', '4294967296')).toBeUndefined();
    expect(verdict('port', '65536')?.explanation).toContain('0 to 65535');
    expect(verdict('query-port', '')).toBeUndefined();
    expect(verdict('edns-packet-max', '65536')).toBeUndefined();
    expect(verdict('neg-ttl', '99999999999999999999')).toBeUndefined();
    expect(verdict('cache-size', ' 100')?.reason).toBe('try --help');
    expect(verdict('cache-size', undefined)?.reason).toBe('try --help');
    expect(verdict('log-async', undefined)).toBeUndefined();
  });

  it('wants positive or non-negative numbers where dnsmasq does', () => {
    expect(verdict('port-limit', '0')?.reason).toBe('try --help');
    expect(verdict('max-tcp-connections', '2147483648')?.explanation).toContain('reads as -2147483648');
    expect(verdict('use-stale-cache', '0')).toBeUndefined();
    expect(verdict('use-stale-cache', '2147483648')?.reason).toBe('try --help');
  });

  it('checks --fast-dns-retry=ms[,total] part by part', () => {
    expect(verdict('fast-dns-retry', undefined)).toBeUndefined();
    expect(verdict('fast-dns-retry', '50 , 100')).toBeUndefined();
    expect(verdict('fast-dns-retry', '50,')).toBeUndefined();
    expect(verdict('fast-dns-retry', '')?.reason).toBe('try --help');
    expect(verdict('fast-dns-retry', '49,1000')).toMatchObject({ at: '49' });
    expect(verdict('fast-dns-retry', '50,1,2')).toMatchObject({ at: '1,2' });
  });

  it('knows log facilities: -, paths, syslog names in any case', () => {
    for (const ok of ['-', '/dev/stdout', 'a/b', 'LOCAL0', 'Daemon', 'kern', 'mark', 'security', 'local7']) {
      expect(verdict('log-facility', ok), ok).toBeUndefined();
    }
    for (const bad of ['', '--', '-x', 'local8', 'none', 'stderr']) {
      expect(verdict('log-facility', bad)?.reason, bad).toBe('bad log facility');
    }
  });

  it('knows RR types by name or number and points at the bad item', () => {
    expect(verdict('cache-rr', 'TXT, mx,,65536,HTTPS,nsap_ptr')).toBeUndefined();
    expect(verdict('cache-rr', 'TXT,TYPE65')).toMatchObject({ reason: 'bad RR type', at: 'TYPE65' });
    expect(verdict('cache-rr', 'A ')?.reason).toBe('bad RR type');
    expect(verdict('filter-rr', 'BOGUS')?.reason).toBe('bad RR type');
  });

  it('wants literal addresses in --listen-address', () => {
    expect(verdict('listen-address', '127.0.0.1 , ::1')).toBeUndefined();
    expect(verdict('listen-address', '127.0.0.1,127.1')).toMatchObject({ reason: 'try --help', at: '127.1' });
    expect(verdict('listen-address', '127.0.0.1,')?.explanation).toContain('an empty item');
    expect(verdict('listen-address', 'fe80::1%lo')?.reason).toBe('try --help');
  });

  it('takes one address with an optional prefix in --bogus-nxdomain and --ignore-address', () => {
    for (const ok of ['1.2.3.4', '::1', '1.2.3.0/24', '1.2.3.0/', '1.2.3.4 / 24', '::/0', '1.2.3.0/4294967304']) {
      expect(verdict('bogus-nxdomain', ok), ok).toBeUndefined();
    }
    expect(verdict('ignore-address', '1.2.3.0/33')).toMatchObject({ reason: 'try --help', at: '33' });
    expect(verdict('ignore-address', '::/129')).toMatchObject({ at: '129' });
    expect(verdict('bogus-nxdomain', '1.2.3.4,5.6.7.8')).toMatchObject({ at: '1.2.3.4,5.6.7.8' });
    expect(verdict('bogus-nxdomain', '127.1')?.reason).toBe('try --help');
    expect(verdict('bogus-nxdomain', '')?.reason).toBe('try --help');
  });

  it('takes --local-service bare, =host or =net', () => {
    expect(verdict('local-service', undefined)).toBeUndefined();
    expect(verdict('local-service', 'net')).toBeUndefined();
    expect(verdict('local-service', 'HOST')?.reason).toBe('try --help');
  });

  it('delegates the server family and names the short form in messages', () => {
    expect(verdict('server', '127.0.0.1#65536')).toMatchObject({ reason: 'bad port', at: '65536' });
    expect(verdict('address', '/a/localhost')?.reason).toBe('Bad address in --address');
    const short = validateOptionValue(spec('cache-size'), 'x', 'short');
    expect(short?.explanation).toMatch(/^-c /);
    const scoped = validateOptionValue(spec('server'), 'fe80::1%eth9', 'long', { interfaceExists: (n) => n === 'lo' });
    expect(scoped?.reason).toBe('bad interface name');
  });
});
