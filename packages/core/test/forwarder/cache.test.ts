import { describe, expect, it } from 'vitest';
import { DnsCache, KIND_POSITIVE } from '../../src/dns/cache/cache.js';
import { answerFromCache, HIT, HIT_STALE, MISS } from '../../src/dns/cache/cache-answer.js';
import { cacheReply } from '../../src/dns/cache/cache-insert.js';
import { DEFAULT_CACHE, type CacheOptions } from '../../src/dns/forwarder-config.js';
import { parseReply } from '../../src/dns/wire/reply-reader.js';
import { newQuestionInfo, readQuestion } from '../../src/dns/wire/wire.js';
import { a, cname, decode, query, rcodeOf, reply, soa, type Answer } from './packets.js';

const T0 = 1_700_000_000_000;
const at = (seconds: number): number => T0 + seconds * 1000;

function setup(opts: Partial<CacheOptions> = {}) {
  const options: CacheOptions = { ...DEFAULT_CACHE, ...opts };
  const cache = new DnsCache(options.size, options.useStale);
  const insert = (name: string, type: string, r: { rcode?: string; answers?: Answer[]; authorities?: Answer[] }, now = T0): void => {
    const q = query(name, type);
    const buf = reply(q, r);
    const parsed = parseReply(buf)!;
    cacheReply(buf, parsed, { key: parsed.qKey, spelled: parsed.qSpelled, qtype: parsed.qtype }, options, cache, now);
  };
  const ask = (name: string, type: string, now = T0, rd = true) => {
    const buf = query(name, type, { rd });
    const q = newQuestionInfo();
    readQuestion(buf, q);
    const lines: string[] = [];
    const res = answerFromCache(buf, q, 0, cache, options, now, lines);
    return { status: res.status, response: res.response ? decode(res.response) : undefined, raw: res.response, lines };
  };
  return { cache, insert, ask, options };
}

describe('cache: what is stored', () => {
  it('serves an A record with the TTL decayed in whole seconds', () => {
    const { insert, ask } = setup();
    insert('www.example.com', 'A', { answers: [a('www.example.com', 300, '192.0.2.10')] });
    const hit = ask('www.example.com', 'A', at(2));
    expect(hit.status).toBe(HIT);
    expect(hit.response!.answers[0]).toMatchObject({ type: 'A', ttl: 298, data: '192.0.2.10' });
    expect(hit.lines).toEqual(['cached www.example.com is 192.0.2.10']);
  });

  it('expires an entry when now reaches insert time + TTL', () => {
    const { insert, ask } = setup();
    insert('short.example.com', 'A', { answers: [a('short.example.com', 1, '192.0.2.4')] });
    expect(ask('short.example.com', 'A', T0).status).toBe(HIT);
    expect(ask('short.example.com', 'A', at(1)).status).toBe(MISS);
  });

  it('counts a lifetime from the insertion instant and shows the seconds left rounded up', () => {
    const { insert, ask } = setup();
    insert('t.example.com', 'A', { answers: [a('t.example.com', 2, '192.0.2.3')] }, T0 + 900);
    expect(ask('t.example.com', 'A', T0 + 1500).response!.answers[0]!.ttl).toBe(2);
    expect(ask('t.example.com', 'A', T0 + 2899).response!.answers[0]!.ttl).toBe(1);
    expect(ask('t.example.com', 'A', T0 + 2900).status).toBe(MISS);
  });

  it('rebuilds the CNAME chain and logs every link', () => {
    const { insert, ask } = setup();
    insert('repo1.maven.org', 'A', {
      answers: [cname('repo1.maven.org', 300, 'central.maven.org'), cname('central.maven.org', 120, 'sonatype.map.fastly.net'), a('sonatype.map.fastly.net', 30, '151.101.40.209')],
    });
    const hit = ask('repo1.maven.org', 'A', at(1));
    expect(hit.response!.answers.map((r) => [r.name, r.type, r.ttl])).toEqual([
      ['repo1.maven.org', 'CNAME', 299],
      ['central.maven.org', 'CNAME', 119],
      ['sonatype.map.fastly.net', 'A', 29],
    ]);
    expect(hit.lines).toEqual([
      'cached repo1.maven.org is <CNAME>',
      'cached central.maven.org is <CNAME>',
      'cached sonatype.map.fastly.net is 151.101.40.209',
    ]);
  });

  it('a TTL of 0 anywhere in the chain abandons the whole reply', () => {
    const { insert, ask, cache } = setup();
    insert('z.example.com', 'A', { answers: [cname('z.example.com', 300, 't.example.com'), a('t.example.com', 0, '192.0.2.5')] });
    expect(cache.size).toBe(0);
    expect(ask('z.example.com', 'A').status).toBe(MISS);
  });

  it('does not cache TXT unless --cache-rr names it', () => {
    const txt = { answers: [{ name: 'txt.example.com', type: 'TXT', ttl: 300, class: 'IN', data: 'hello' } as Answer] };
    const plain = setup();
    plain.insert('txt.example.com', 'TXT', txt);
    expect(plain.cache.size).toBe(0);
    const withRr = setup({ extraTypes: new Set([16]) });
    withRr.insert('txt.example.com', 'TXT', txt);
    expect(withRr.ask('txt.example.com', 'TXT').lines).toEqual(['cached txt.example.com is hello']);
  });

  it('never answers RD=0... (the caller bypasses) and never answers CNAME or ANY questions', () => {
    const { insert, ask } = setup();
    insert('c.example.com', 'A', { answers: [cname('c.example.com', 300, 'd.example.com'), a('d.example.com', 300, '192.0.2.1')] });
    expect(ask('c.example.com', 'CNAME').status).toBe(MISS);
    expect(ask('c.example.com', 'ANY').status).toBe(MISS);
  });
});

describe('cache: negative answers', () => {
  it('NODATA with SOA lives min(SOA TTL, MINIMUM) and replays the SOA with its own TTL', () => {
    const { insert, ask } = setup();
    insert('nd.example.com', 'A', { authorities: [soa('example.com', 600, 60)] });
    const hit = ask('nd.example.com', 'A', at(1));
    expect(hit.lines).toEqual(['cached nd.example.com is NODATA-IPv4']);
    expect(hit.response!.authorities[0]).toMatchObject({ type: 'SOA', ttl: 599, name: 'example.com' });
    expect(ask('nd.example.com', 'A', at(60)).status).toBe(MISS);
    expect(ask('nd.example.com', 'AAAA', at(1)).status).toBe(MISS);
  });

  it('keeps one SOA per zone, the newest, replayed by every negative of the zone', () => {
    const { insert, ask } = setup();
    insert('c.example.com', 'A', { rcode: 'NXDOMAIN', authorities: [soa('example.com', 300, 90)] });
    insert('b.example.com', 'A', { rcode: 'NXDOMAIN', authorities: [soa('example.com', 30, 90)] }, at(1));
    expect(ask('b.example.com', 'AAAA', at(2)).response!.authorities.map((r) => r.ttl)).toEqual([29]);
    expect(ask('c.example.com', 'AAAA', at(2)).response!.authorities.map((r) => r.ttl)).toEqual([29]);
  });

  it('NODATA without SOA is not cached, unless --neg-ttl', () => {
    const none = setup();
    none.insert('nd3.example.com', 'A', {});
    expect(none.cache.size).toBe(0);
    const negTtl = setup({ negTtl: 60 });
    negTtl.insert('nd4.example.com', 'A', {});
    expect(negTtl.ask('nd4.example.com', 'A', at(59)).status).toBe(HIT);
    expect(negTtl.ask('nd4.example.com', 'A', at(60)).status).toBe(MISS);
  });

  it('the incident: a CNAME chain ending in NODATA without SOA is cached for the smallest CNAME TTL', () => {
    const { insert, ask } = setup();
    insert('repo1.maven.org', 'A', { answers: [cname('repo1.maven.org', 300, 'central.maven.org'), cname('central.maven.org', 120, 'sonatype.map.fastly.net')] });
    const hit = ask('repo1.maven.org', 'A', at(119));
    expect(hit.lines.at(-1)).toBe('cached sonatype.map.fastly.net is NODATA-IPv4');
    expect(ask('sonatype.map.fastly.net', 'A', at(119)).status).toBe(HIT);
    expect(ask('sonatype.map.fastly.net', 'A', at(120)).status).toBe(MISS);
  });

  it('-N stores no negative entry and drops the CNAME links that lead to it, old ones included', () => {
    const { insert, cache, ask } = setup({ negCache: false });
    insert('repo1.maven.org', 'A', { answers: [cname('repo1.maven.org', 300, 'central.maven.org'), a('central.maven.org', 1, '192.0.2.1')] });
    expect(ask('repo1.maven.org', 'A').status).toBe(HIT);
    insert('repo1.maven.org', 'A', { answers: [cname('repo1.maven.org', 300, 'central.maven.org')] }, at(2));
    expect(ask('repo1.maven.org', 'A', at(2)).lines).toEqual([]);
    cache.clear();
    insert('repo1.maven.org', 'A', { answers: [cname('repo1.maven.org', 300, 'central.maven.org')], authorities: [soa('maven.org', 600, 60)] });
    insert('nx.example.com', 'A', { rcode: 'NXDOMAIN', authorities: [soa('example.com', 600, 60)] });
    expect(cache.size).toBe(0);
  });

  it('NXDOMAIN is cached type-less and answers every type with rcode NXDOMAIN', () => {
    const { insert, ask } = setup();
    insert('nx.example.com', 'A', { rcode: 'NXDOMAIN', authorities: [soa('example.com', 600, 60)] });
    for (const t of ['A', 'AAAA', 'TXT', 'MX']) {
      const hit = ask('nx.example.com', t);
      expect(rcodeOf(hit.raw!)).toBe(3);
      expect(hit.lines).toEqual(['cached nx.example.com is NXDOMAIN']);
    }
  });

  it('a later positive insert for one type keeps the type-less NXDOMAIN for the others', () => {
    const { insert, ask } = setup();
    insert('d.example.com', 'A', { rcode: 'NXDOMAIN', authorities: [soa('example.com', 30, 90)] });
    insert('d.example.com', 'A', { answers: [a('d.example.com', 300, '192.0.2.27')] });
    expect(ask('d.example.com', 'A').lines).toEqual(['cached d.example.com is 192.0.2.27']);
    expect(ask('d.example.com', 'AAAA').lines).toEqual(['cached d.example.com is NXDOMAIN']);
  });

  it('a TTL-0 SOA is not stored for the question name itself, but is after a CNAME chain (as measured)', () => {
    const { insert, ask } = setup({ minCacheTtl: 60 });
    insert('b.example.com', 'A', { rcode: 'NXDOMAIN', authorities: [soa('example.com', 0, 90)] });
    const hit = ask('b.example.com', 'A', at(30));
    expect(hit.lines).toEqual(['cached b.example.com is NXDOMAIN']);
    expect(hit.response!.authorities).toEqual([]);
    insert('x.example.com', 'A', { answers: [cname('x.example.com', 30, 't.example.com')], authorities: [soa('example.com', 0, 90)] });
    expect(ask('x.example.com', 'A', at(1)).response!.authorities.map((r) => r.ttl)).toEqual([59]);
  });

  it('--min-cache-ttl lifts SOA-less negatives and TTL-0 records; --max-cache-ttl caps', () => {
    const min = setup({ minCacheTtl: 30 });
    min.insert('zero.example.com', 'A', { answers: [a('zero.example.com', 0, '192.0.2.5')] });
    expect(min.ask('zero.example.com', 'A').response!.answers[0]!.ttl).toBe(30);
    const max = setup({ maxCacheTtl: 10 });
    max.insert('m.example.com', 'A', { answers: [a('m.example.com', 300, '192.0.2.5')] });
    expect(max.ask('m.example.com', 'A').response!.answers[0]!.ttl).toBe(10);
  });

  it('--max-ttl caps what clients see, not what is stored', () => {
    const { insert, ask } = setup({ maxTtl: 10 });
    insert('m.example.com', 'A', { answers: [a('m.example.com', 300, '192.0.2.5')] });
    expect(ask('m.example.com', 'A', at(100)).response!.answers[0]!.ttl).toBe(10);
    expect(ask('m.example.com', 'A', at(295)).response!.answers[0]!.ttl).toBe(5);
  });
});

describe('cache: size, LRU, round robin, stale', () => {
  it('evicts the least recently used record when full (counted in records)', () => {
    const { insert, ask, cache } = setup({ size: 3 });
    for (const n of ['a', 'b', 'c']) insert(`${n}.example.com`, 'A', { answers: [a(`${n}.example.com`, 300, '192.0.2.1')] });
    expect(ask('a.example.com', 'A').status).toBe(HIT);
    insert('d.example.com', 'A', { answers: [a('d.example.com', 300, '192.0.2.1')] });
    expect(cache.size).toBe(3);
    expect(ask('b.example.com', 'A').status).toBe(MISS);
    expect(ask('a.example.com', 'A').status).toBe(HIT);
    expect(cache.stats.evictions).toBe(1);
  });

  it('frees expired records before evicting a live one', () => {
    const { insert, ask } = setup({ size: 2 });
    insert('old.example.com', 'A', { answers: [a('old.example.com', 1, '192.0.2.1')] });
    insert('live.example.com', 'A', { answers: [a('live.example.com', 300, '192.0.2.1')] });
    ask('old.example.com', 'A');
    insert('new.example.com', 'A', { answers: [a('new.example.com', 300, '192.0.2.1')] }, at(5));
    expect(ask('live.example.com', 'A', at(5)).status).toBe(HIT);
    expect(ask('new.example.com', 'A', at(5)).status).toBe(HIT);
  });

  it('rotates multiple addresses on each hit unless --no-round-robin', () => {
    const rr = setup();
    rr.insert('big.example.com', 'A', { answers: [a('big.example.com', 300, '192.0.2.100'), a('big.example.com', 300, '192.0.2.101')] });
    const order = () => rr.ask('big.example.com', 'A').response!.answers.map((x) => x.data);
    expect(order()).toEqual(['192.0.2.100', '192.0.2.101']);
    expect(order()).toEqual(['192.0.2.101', '192.0.2.100']);
    expect(order()).toEqual(['192.0.2.100', '192.0.2.101']);
    const three = setup();
    three.insert('three.example.com', 'A', { answers: ['1', '2', '3'].map((n) => a('three.example.com', 300, `192.0.2.${n}`)) });
    const order3 = () => three.ask('three.example.com', 'A').response!.answers.map((x) => (x.data as string).slice(-1)).join('');
    // dnsmasq 2.90, measured 2026-12-07: hits on 1,2,3 answer 123, 312, 231, 123.
    expect([order3(), order3(), order3(), order3()]).toEqual(['123', '312', '231', '123']);
    const fixed = setup({ roundRobin: false });
    fixed.insert('big.example.com', 'A', { answers: [a('big.example.com', 300, '192.0.2.100'), a('big.example.com', 300, '192.0.2.101')] });
    fixed.ask('big.example.com', 'A');
    expect(fixed.ask('big.example.com', 'A').response!.answers.map((x) => x.data)).toEqual(['192.0.2.100', '192.0.2.101']);
  });

  it('--use-stale-cache serves expired entries with TTL 0 and says so', () => {
    const { insert, ask } = setup({ useStale: 86_400 });
    insert('stale.example.com', 'A', { answers: [a('stale.example.com', 1, '192.0.2.125')] });
    const hit = ask('stale.example.com', 'A', at(3));
    expect(hit.status).toBe(HIT_STALE);
    expect(hit.response!.answers[0]!.ttl).toBe(0);
    expect(hit.lines).toEqual(['cached-stale stale.example.com is 192.0.2.125']);
  });

  it('lookups ignore letter case and echo the client spelling', () => {
    const { insert, ask } = setup();
    insert('Mixed.Example.COM', 'A', { answers: [a('Mixed.Example.COM', 300, '192.0.2.7')] });
    const hit = ask('mIXED.example.com', 'A');
    expect(hit.status).toBe(HIT);
    expect(hit.response!.questions[0]!.name).toBe('mIXED.example.com');
    expect(hit.lines).toEqual(['cached mIXED.example.com is 192.0.2.7']);
  });

  it('cache size 0 stores nothing', () => {
    const { insert, cache } = setup({ size: 0 });
    insert('c0.example.com', 'A', { answers: [a('c0.example.com', 300, '192.0.2.1')] });
    expect(cache.size).toBe(0);
  });

  it('grows past its first allocation and keeps entries intact', () => {
    const { cache } = setup({ size: 5000 });
    for (let i = 0; i < 3000; i++) cache.insert(`n${i}.test`, `n${i}.test`, 1, KIND_POSITIVE, 300, T0, Buffer.from([10, 0, i >> 8, i & 255]));
    expect(cache.size).toBe(3000);
    const s = cache.head('n2999.test');
    expect([...cache.rdataBuffer(s).subarray(cache.rdataOffset(s), cache.rdataOffset(s) + 4)]).toEqual([10, 0, 11, 183]);
  });
});
