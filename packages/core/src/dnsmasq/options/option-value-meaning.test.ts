import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OPTION_TABLE } from './option-table.js';
import { DESCRIBED_OPTIONS, describeOptionValue } from './option-value-meaning.js';

describe('describeOptionValue', () => {
  it.each([
    ['cache-size', '1000', 'cache up to 1000 records'],
    ['cache-size', '0', 'caching disabled'],
    ['cache-size', '', 'caching disabled (an empty value counts as 0)'],
    ['cache-size', '99999999', 'cache up to 5000000 records (dnsmasq clamps larger values)'],
    ['cache-size', '4294967396', 'cache up to 100 records (4294967396 wraps around to 100 in dnsmasq)'],
    ['cache-size', '2147483648', 'caching disabled (2147483648 wraps around to a negative number)'],
    ['neg-ttl', '60', 'negative answers without an SOA are cached for 60 s'],
    ['log-facility', '-', 'log to stderr'],
    ['log-facility', '/dev/stdout', 'log to the file /dev/stdout'],
    ['log-facility', 'LOCAL0', 'log to syslog, facility local0'],
    ['dns-forward-max', '0', 'every forwarded query is refused'],
    ['dns-forward-max', '4294967295', 'every forwarded query is refused (4294967295 wraps around to -1 in dnsmasq)'],
    ['dns-forward-max', '2147483648', 'dnsmasq fails to start ("could not get memory") (2147483648 wraps around to -2147483648 in dnsmasq)'],
    ['port', '0', 'DNS disabled'],
    ['port', '', 'DNS disabled (an empty value counts as 0)'],
    ['port', '5353', 'serve DNS on port 5353'],
    ['log-queries', 'extra', 'log every query, each line with a serial number and the client\'s address and port'],
    ['pid-file', '', 'write no pid file'],
    ['cache-rr', 'txt,MX', 'also cache TXT, MX records'],
    ['conf-dir', '', 'read no config directory (the directory is empty)'],
    ['conf-dir', '/etc/dnsmasq.d,*.conf', 'read the files of /etc/dnsmasq.d ending in .conf'],
    ['edns-packet-max', '4096', 'EDNS UDP payloads are limited to 4096 bytes'],
    ['edns-packet-max', '100', 'EDNS UDP payloads are limited to 512 bytes (dnsmasq raises smaller values to 512)'],
    ['edns-packet-max', '70000', 'EDNS UDP payloads are limited to 4464 bytes (dnsmasq keeps 70000 modulo 65536)'],
    ['edns-packet-max', '65536', 'EDNS UDP payloads are limited to 512 bytes (dnsmasq keeps 65536 modulo 65536)'],
    ['edns-packet-max', '4294967295', 'EDNS UDP payloads are limited to 65535 bytes (dnsmasq keeps -1 modulo 65536) (4294967295 wraps around to -1 in dnsmasq)'],
    ['local-service', 'host', 'listen on loopback only and answer only this machine'],
  ])('--%s=%s means "%s"', (long, value, meaning) => {
    expect(describeOptionValue(long, value)).toBe(meaning);
  });

  it('says where a value is clamped', () => {
    expect(describeOptionValue('min-cache-ttl', '7200')).toMatch(/clamped to 3600 s\)$/);
    expect(describeOptionValue('min-cache-ttl', '60')).toMatch(/^records stay cached at least 60 s/);
    expect(describeOptionValue('log-async', '200')).toBe('queue up to 100 log lines while syslog is slow (dnsmasq clamps larger values)');
  });

  it('says what a bare optional argument means', () => {
    expect(describeOptionValue('log-queries', undefined)).toBe('log every query, where it went and how it was answered');
    expect(describeOptionValue('use-stale-cache', undefined)).toContain('86400 s');
    expect(describeOptionValue('user', undefined)).toBe('keep running as root (no privilege drop)');
    expect(describeOptionValue('fast-dns-retry', undefined)).toBe(
      're-send unanswered queries after 1000 ms, doubling the delay, for up to 10 s',
    );
    expect(describeOptionValue('fast-dns-retry', '200,5000')).toContain('after 200 ms');
  });

  it('names values dnsmasq refuses instead of describing them', () => {
    expect(describeOptionValue('cache-size', '1k')).toMatch(/digits only/);
    expect(describeOptionValue('neg-ttl', '-5')).toMatch(/digits only/);
    expect(describeOptionValue('port', '65536')).toMatch(/0-65535/);
    expect(describeOptionValue('log-facility', 'nosuch')).toMatch(/bad log facility/);
    expect(describeOptionValue('log-facility', '')).toMatch(/bad log facility/);
    expect(describeOptionValue('fast-dns-retry', '49')).toMatch(/at least 50/);
    expect(describeOptionValue('max-tcp-connections', '0')).toMatch(/refuses 0/);
    expect(describeOptionValue('local-service', 'HOST')).toMatch(/refuses/);
  });

  it('says dnsmasq ignores log-queries values other than extra', () => {
    expect(describeOptionValue('log-queries', 'EXTRA')).toMatch(/ignores the value "EXTRA"/);
  });

  it('has nothing to say about flags, DHCP options or unknown names', () => {
    expect(describeOptionValue('no-negcache', undefined)).toBeUndefined();
    expect(describeOptionValue('dhcp-range', '10.0.0.1,10.0.0.9')).toBeUndefined();
    expect(describeOptionValue('toString', 'x')).toBeUndefined();
  });

  it('covers about thirty options, all of them in the table', () => {
    const names = new Set(OPTION_TABLE.map((o) => o.long));
    expect(DESCRIBED_OPTIONS.length).toBeGreaterThanOrEqual(28);
    for (const long of DESCRIBED_OPTIONS) expect(names.has(long), long).toBe(true);
  });

  it('never throws and always gives one line', () => {
    fc.assert(
      fc.property(fc.constantFrom(...DESCRIBED_OPTIONS), fc.option(fc.string({ maxLength: 30 }), { nil: undefined }), (long, value) => {
        const meaning = describeOptionValue(long, value);
        if (meaning !== undefined) expect(meaning).not.toMatch(/\n/);
      }),
      { numRuns: 500 },
    );
  });
});
