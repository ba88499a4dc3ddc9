// fast-check arbitraries for scenarios without timing races: one upstream, a few names with scripted
// answer sequences (positive, CNAME chains, NODATA/NXDOMAIN with and without SOA, SERVFAIL, REFUSED,
// TTL 0), cache options, and a run of queries. dnsmasq is the oracle for their expectations.
import fc from 'fast-check';
import type { ClientQuery, Scenario, ScenarioRecord, UpstreamResponse, UpstreamRule } from './scenario-format.js';

const NAMES = ['a.gen.example', 'b.gen.example', 'c.gen.example', 'd.gen.example'];
const soa = (ttl: number): ScenarioRecord => ({
  name: 'gen.example', type: 'SOA', ttl,
  data: { mname: 'ns.gen.example', rname: 'host.gen.example', serial: 1, refresh: 3600, retry: 600, expire: 86400, minimum: 90 },
});
// no TTL of 1 or 2: dnsmasq expires on whole-second clock ticks, so such entries race the clock
const ttlArb = fc.constantFrom(0, 30, 300, 7200);

const responseArb: fc.Arbitrary<UpstreamResponse> = fc.oneof(
  fc.record({ ttl: ttlArb, last: fc.integer({ min: 1, max: 250 }) }).map(({ ttl, last }) => ({
    answers: [{ name: '{qname}', ttl, data: `192.0.2.${last}` }],
  })),
  fc.record({ t1: ttlArb, t2: ttlArb, end: fc.constantFrom('a', 'nodata', 'nodata-soa') }).map(({ t1, t2, end }) => ({
    answers: [
      { name: '{qname}', type: 'CNAME', ttl: t1, data: 'target.gen.example' },
      ...(end === 'a' ? [{ name: 'target.gen.example', type: 'A', ttl: t2, data: '198.51.100.7' }] : []),
    ],
    authority: end === 'nodata-soa' ? [soa(t2)] : [],
  })),
  fc.record({ withSoa: fc.boolean(), ttl: ttlArb }).map(({ withSoa, ttl }) => ({ authority: withSoa ? [soa(ttl)] : [] })),
  fc.record({ withSoa: fc.boolean(), ttl: ttlArb }).map(({ withSoa, ttl }) => ({ rcode: 'NXDOMAIN', authority: withSoa ? [soa(ttl)] : [] })),
  fc.constant<UpstreamResponse>({ rcode: 'SERVFAIL' }),
  fc.constant<UpstreamResponse>({ rcode: 'REFUSED' }),
);

const ruleArb = (name: string): fc.Arbitrary<UpstreamRule> =>
  fc.array(responseArb, { minLength: 1, maxLength: 3 }).map((responses) => ({ match: { name }, responses }));

const queryArb: fc.Arbitrary<ClientQuery> = fc.record({
  name: fc.constantFrom(...NAMES),
  type: fc.constantFrom('A', 'A', 'A', 'AAAA', 'TXT'),
  rd: fc.constantFrom(true, true, true, true, false),
});

const optionsArb = fc.subarray(['-N', '--neg-ttl=30', '--cache-size=3', '--min-cache-ttl=60', '--max-cache-ttl=10', '--max-ttl=20', '--cache-rr=TXT'], { maxLength: 3 });

export const scenarioArb: fc.Arbitrary<Scenario> = fc
  .record({
    options: optionsArb,
    rules: fc.tuple(...NAMES.map(ruleArb)),
    queries: fc.array(queryArb, { minLength: 3, maxLength: 10 }),
  })
  .map(({ options, rules, queries }) => ({
    id: 'generated',
    args: ['-q', ...options, '--server=127.0.0.1#{UP1}'],
    upstreams: { UP1: { rules } },
    steps: queries.map((query) => ({ query, settle_ms: 100 })),
  }));
