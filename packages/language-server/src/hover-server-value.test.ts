import { describe, expect, it } from 'vitest';
import { serverValueText } from './hover.js';

describe('what a --server-family value routes where', () => {
  it.each([
    ['server', '/cluster.local/127.0.0.1#10053', 'Names under cluster.local go to 127.0.0.1 port 10053.'],
    ['server', '10.36.8.40', 'Names that no --server domain matches go to 10.36.8.40 port 53.'],
    ['server', '/corp/#', 'Names under corp go to the default upstream servers'],
    ['local', '/internal/', 'Names under internal are answered locally'],
    ['address', '/ads.example/0.0.0.0', 'Names under ads.example are answered with 0.0.0.0 (A)'],
    ['address', '/tracker.example/#', 'are answered 0.0.0.0 (A) and :: (AAAA)'],
    ['server', '/*.svc.local/127.0.0.1', 'Names ending in'],
    ['server', '/a.example/b.example/127.0.0.1#5353', 'Names under a.example and names under b.example go to 127.0.0.1 port 5353.'],
    ['rev-server', '10.0.0.0/8,127.0.0.1#10053', 'Reverse lookups under 10.in-addr.arpa'],
  ])('--%s=%s', (option, value, expected) => {
    expect(serverValueText(option, value)).toContain(expected);
  });

  it('says why dnsmasq refuses a bad value, and has nothing to say about other options', () => {
    expect(serverValueText('server', '127.0.0.1:10053')).toMatch(/^dnsmasq refuses this value: /);
    expect(serverValueText('cache-size', '1000')).toBeUndefined();
  });
});
