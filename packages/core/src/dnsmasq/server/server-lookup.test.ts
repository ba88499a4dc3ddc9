import { describe, expect, it } from 'vitest';
import { serverValueNeedsLookup } from './server-lookup.js';

// Each case was checked against dnsmasq 2.90 with /etc/resolv.conf pointing at a dead loopback
// resolver: a lookup shows as `Cannot resolve server name`.
describe('serverValueNeedsLookup', () => {
  it('is true when getaddrinfo would ask the resolver', () => {
    for (const value of ['ns1.test', '1.2.3.4.5', '256.1.1.1', '4294967296', 'foo_bar.test', 'a.-b', 'foo.', '.',
      'foo.test@lo@eth0', '/ü/foo.test', 'foo.test@::1']) {
      expect(serverValueNeedsLookup('server', value), value).toBe(true);
    }
    expect(serverValueNeedsLookup('rev-server', '10.0.0.0/33,foo.test')).toBe(true);
  });

  it('is false when dnsmasq decides without a query', () => {
    for (const value of ['127.0.0.1', '127.1', '127.0.0.1:10053', '[::1]:53', 'foo bar', '-foo.test', 'a..b',
      'bücher.test', 'foo.test#99999', '', '#', '/d/', '/d/#', `${'a'.repeat(250)}.com`]) {
      expect(serverValueNeedsLookup('server', value), value).toBe(false);
    }
    expect(serverValueNeedsLookup('rev-server', 'bad/8,foo.test')).toBe(false);
    expect(serverValueNeedsLookup('address', '/a/foo.test')).toBe(false);
  });
});
