// fast-check arbitraries for scenarios without timing races: a default upstream and one for a routed
// domain, a few names with scripted answer sequences (positive, CNAME chains, NODATA/NXDOMAIN with and without SOA, SERVFAIL, REFUSED,
// TTL 0), cache and routing options, and a run of queries (some over TCP, some RD=0, mixed case; types whose data the scripts can encode). dnsmasq is the oracle for their expectations.
import fc from 'fast-check';
import type { ClientQuery, Scenario, ScenarioRecord, UpstreamResponse, UpstreamRule } from './scenario-format.js';

const NAMES = ['a.gen.example', 'b.gen.example', 'c.gen.example', 'd.gen.example'];
const soa = (ttl: number): ScenarioRecord => ({
  name: 'gen.example', type: 'SOA', ttl,
  data: { mname: 'ns.gen.example', rname: 'host.gen.example', serial: 1, refresh: 3600, retry: 600, expire: 86400, minimum: 90 },
});
// no TTL of 1 or 2: dnsmasq expires on whole-second clock ticks, so such entries race the clock
const FALLBACK: UpstreamResponse = { answers: [{ name: '{qname}', type: 'A', ttl: 300, data: '192.0.2.250' }] };
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
  name: fc.constantFrom(...NAMES, 'x.b.gen.example', 'B.Gen.Example'),
  type: fc.constantFrom('A', 'A', 'A', 'AAAA', 'TXT'),
  rd: fc.constantFrom(true, true, true, true, false),
  tcp: fc.constantFrom(false, false, false, true),
});

const optionsArb = fc.subarray(['-N', '--neg-ttl=30', '--cache-size=3', '--min-cache-ttl=60', '--max-cache-ttl=10', '--max-ttl=20', '--cache-rr=TXT'], { maxLength: 3 });
/** Routing rules: names under b. go to a second upstream, c. is local-only, d. has a fixed address. */
const routesArb = fc.subarray(['--server=/b.gen.example/127.0.0.1#{UP2}', '--local=/c.gen.example/', '--address=/d.gen.example/192.0.2.99'], { maxLength: 2 });

export const scenarioArb: fc.Arbitrary<Scenario> = fc
  .record({
    options: optionsArb,
    routes: routesArb,
    rules: fc.tuple(...NAMES.map(ruleArb)),
    rules2: fc.tuple(ruleArb('*.b.gen.example')),
    queries: fc.array(queryArb, { minLength: 3, maxLength: 10 }),
  })
  .map(({ options, routes, rules, rules2, queries }) => ({
    id: 'generated',
    args: ['-q', ...options, ...routes, '--server=127.0.0.1#{UP1}'],
    // a default answer: a dropped query would make the next ones race dnsmasq's whole-second timers
    upstreams: { UP1: { rules, default: FALLBACK }, UP2: { rules: rules2, default: FALLBACK } },
    steps: queries.map((query) => ({ query, settle_ms: 100 })),
  }));
