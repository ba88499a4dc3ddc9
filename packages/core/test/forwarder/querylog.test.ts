import { describe, expect, it } from 'vitest';
import { QueryLog, syslogStamp } from '../../src/dns/querylog.js';

function capture(options: ConstructorParameters<typeof QueryLog>[0]): { log: QueryLog; text: () => string } {
  let out = '';
  const log = new QueryLog(options, (t) => (out += t), 42, () => new Date(2026, 10, 6, 8, 5, 9));
  return { log, text: () => out };
}

describe('query log', () => {
  it('prefixes dnsmasq[PID] on stderr and logs queries only with -q', () => {
    const off = capture({ queries: false, extra: false, facility: '-' });
    off.log.always('started, version 2.90 cachesize 150');
    off.log.query('query[A] x from 127.0.0.1', 1, '127.0.0.1', 5353);
    off.log.flush();
    expect(off.text()).toBe('dnsmasq[42]: started, version 2.90 cachesize 150\n');
  });

  it('adds SERIAL IP/PORT with --log-queries=extra', () => {
    const extra = capture({ queries: true, extra: true, facility: '-' });
    extra.log.query('query[A] x.example.com from 127.0.0.1', 1, '127.0.0.1', 45678);
    extra.log.flush();
    expect(extra.text()).toBe('dnsmasq[42]: 1 127.0.0.1/45678 query[A] x.example.com from 127.0.0.1\n');
  });

  it('stamps lines written to a file like syslog (day padded with a blank)', () => {
    expect(syslogStamp(new Date(2026, 10, 6, 8, 5, 9))).toBe('Nov  6 08:05:09 ');
    const file = capture({ queries: true, extra: false, facility: '/dev/stdout' });
    file.log.query('cached x is NODATA-IPv4', 1, '127.0.0.1', 1);
    file.log.flush();
    expect(file.text()).toBe('Nov  6 08:05:09 dnsmasq[42]: cached x is NODATA-IPv4\n');
  });
});
