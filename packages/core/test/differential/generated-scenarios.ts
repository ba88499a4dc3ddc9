// fast-check arbitraries for scenarios without timing races: a default upstream and one for a routed
// domain, a few names with scripted answer sequences (positive, RRsets of 2-4 addresses, CNAME chains,
// NODATA/NXDOMAIN with and without SOA, SERVFAIL, REFUSED, TTL 0, faults: TC, over-size; forged, garbage
// or cut-short replies sent just before the genuine one), cache and routing options, and a run of queries (some over
// TCP, some RD=0, mixed case; repeats, so cached RRsets are answered several times). Two more shapes: a default
// group of a 127.0.0.1 and a ::1 upstream, and default servers from a resolv file. dnsmasq is the oracle.
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

const addresses = (count: number, first: number) => Array.from({ length: count }, (_, i) => `192.0.2.${first + i}`);

/** Faults that dnsmasq answers at once (no timeouts): truncated and over-size replies. */
const faultArb: fc.Arbitrary<UpstreamResponse> = fc.oneof(
  fc.constant<UpstreamResponse>({ tc: true }),
  fc.constant<UpstreamResponse>({ tc: true, answers: [{ name: '{qname}', ttl: 300, data: '192.0.2.240' }] }),
  // 40 addresses (~700 bytes: over 512 for a client without EDNS) and 300 (~4.8 KB: over 4,096)
  fc.constantFrom(40, 300).map<UpstreamResponse>((n) => ({ answers: addresses(n, 0).map((_, i) => ({ name: '{qname}', ttl: 300, data: `10.${i >> 8}.${i & 255}.1` })) })),
);

const POISON = [{ name: '{qname}', ttl: 86400, data: '203.0.113.66' }];
/** Forged replies a spoofer could get in first; none may be accepted. */
const forgeryArb: fc.Arbitrary<UpstreamResponse> = fc.constantFrom<UpstreamResponse>(
  { id_xor: 0x5a5a, answers: POISON },
  { wrong_port: true, answers: POISON },
  { question: { name: 'evil.gen.example' }, answers: [{ name: 'evil.gen.example', ttl: 86400, data: '203.0.113.66' }] },
  { no_question: true, answers: POISON },
  { id_xor: 1, garbage: true },
  // unreadable replies with the right ID: alone over UDP they would leave the forward pending, and a later
  // repeat of the question races dnsmasq's whole-second timers, so they only come before a genuine reply
  { garbage: true },
  { truncate_to: 12, answers: POISON },
  { truncate_to: 20, answers: POISON },
);

const plainResponseArb: fc.Arbitrary<UpstreamResponse> = fc.oneof(
  fc.record({ ttl: ttlArb, last: fc.integer({ min: 1, max: 250 }) }).map(({ ttl, last }) => ({
    answers: [{ name: '{qname}', ttl, data: `192.0.2.${last}` }],
  })),
  // an RRset: dnsmasq rotates it on each answer from the cache, and records are compared in order
  fc.record({ ttl: fc.constantFrom(30, 300), count: fc.integer({ min: 2, max: 4 }), first: fc.integer({ min: 1, max: 200 }) }).map(({ ttl, count, first }) => ({
    answers: addresses(count, first).map((data) => ({ name: '{qname}', ttl, data })),
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
  faultArb,
);

const responseArb: fc.Arbitrary<UpstreamResponse> = fc.oneof(
  { weight: 4, arbitrary: plainResponseArb },
  { weight: 1, arbitrary: fc.record({ r: plainResponseArb, forged: fc.array(forgeryArb, { minLength: 1, maxLength: 3 }) }).map(({ r, forged }) => ({ ...r, forged })) },
);

const ruleArb = (name: string): fc.Arbitrary<UpstreamRule> =>
  fc.array(responseArb, { minLength: 1, maxLength: 3 }).map((responses) => ({ match: { name }, responses }));

const queryArb: fc.Arbitrary<ClientQuery> = fc.record({
  name: fc.constantFrom(...NAMES, 'x.b.gen.example', 'B.Gen.Example'),
  type: fc.constantFrom('A', 'A', 'A', 'AAAA', 'TXT'),
  rd: fc.constantFrom(true, true, true, true, false),
  tcp: fc.constantFrom(false, false, false, true),
});

/** Queries, then a few repeats of one of them over UDP, so cached answers (and RRset rotation) are seen again. */
const queriesArb: fc.Arbitrary<ClientQuery[]> = fc
  .record({ queries: fc.array(queryArb, { minLength: 3, maxLength: 10 }), repeats: fc.integer({ min: 0, max: 3 }), pick: fc.nat() })
  .map(({ queries, repeats, pick }) => [...queries, ...Array.from({ length: repeats }, () => ({ ...queries[pick % queries.length]!, tcp: false }))]);

const optionsArb = fc.subarray(['-N', '--neg-ttl=30', '--cache-size=3', '--min-cache-ttl=60', '--max-cache-ttl=10', '--max-ttl=20', '--cache-rr=TXT'], { maxLength: 3 });
/** Routing rules: names under b. go to a second upstream, c. is local-only, d. has a fixed address. */
const routesArb = fc.subarray(['--server=/b.gen.example/127.0.0.1#{UP2}', '--local=/c.gen.example/', '--address=/d.gen.example/192.0.2.99'], { maxLength: 2 });

const singleArb: fc.Arbitrary<Scenario> = fc
  .record({
    options: optionsArb,
    routes: routesArb,
    rules: fc.tuple(...NAMES.map(ruleArb)),
    rules2: fc.tuple(ruleArb('*.b.gen.example')),
    queries: queriesArb,
  })
  .map(({ options, routes, rules, rules2, queries }) => ({
    id: 'generated',
    args: ['-q', ...options, ...routes, '--server=127.0.0.1#{UP1}'],
    // a default answer: a dropped query would make the next ones race dnsmasq's whole-second timers
    upstreams: { UP1: { rules, default: FALLBACK }, UP2: { rules: rules2, default: FALLBACK } },
    steps: queries.map((query) => ({ query, settle_ms: 100 })),
  }));

const SLOW_MS = 150;
const slow = (rule: UpstreamRule): UpstreamRule => ({ ...rule, responses: rule.responses?.map((r) => ({ ...r, delay_ms: SLOW_MS })) });

/** A default group of a 127.0.0.1 and a ::1 upstream. One of them is slow, so which reply comes first never
 * races (a query sent to both is answered by the fast one unless its reply is a fault dnsmasq passes over). */
const mixedFamilyArb: fc.Arbitrary<Scenario> = fc
  .record({
    mode: fc.constantFrom([], ['--strict-order'], ['--all-servers']),
    options: fc.subarray(['-N', '--cache-size=3', '--min-cache-ttl=60'], { maxLength: 1 }),
    v6First: fc.boolean(),
    slowV6: fc.boolean(),
    rules1: fc.tuple(...NAMES.map(ruleArb)),
    rules3: fc.tuple(...NAMES.map(ruleArb)),
    queries: queriesArb,
  })
  .map(({ mode, options, v6First, slowV6, rules1, rules3, queries }) => {
    const servers = ['--server=127.0.0.1#{UP1}', '--server=::1#{UP3}'];
    return {
      id: 'generated-mixed-family',
      args: ['-q', ...mode, ...options, ...(v6First ? servers.reverse() : servers)],
      upstreams: {
        UP1: { rules: slowV6 ? rules1 : rules1.map(slow), default: slowV6 ? FALLBACK : { ...FALLBACK, delay_ms: SLOW_MS } },
        UP3: { host: '::1', rules: slowV6 ? rules3.map(slow) : rules3, default: slowV6 ? { ...FALLBACK, delay_ms: SLOW_MS } : FALLBACK },
      },
      steps: queries.map((query) => ({ query, settle_ms: SLOW_MS + 250 })),
    };
  });

/** Default servers from a resolv file (no `--no-resolv`): an upstream on port 53 of a random 127.54.x.y. */
const resolvFileArb: fc.Arbitrary<Scenario> = fc
  .record({
    options: optionsArb,
    routed: fc.boolean(),
    rules: fc.tuple(...NAMES.map(ruleArb)),
    rules2: fc.tuple(ruleArb('*.b.gen.example')),
    queries: queriesArb,
  })
  .map(({ options, routed, rules, rules2, queries }) => ({
    id: 'generated-resolv-file',
    args: ['-q', ...options, ...(routed ? ['--server=/b.gen.example/127.0.0.1#{UP2}'] : [])],
    resolv_file: ['# written by the scenario player', 'nameserver {UP4_HOST}'],
    upstreams: { UP4: { host: '127.54.*', port: 53, rules, default: FALLBACK }, UP2: { rules: rules2, default: FALLBACK } },
    steps: queries.map((query) => ({ query, settle_ms: 100 })),
  }));

export const scenarioArb: fc.Arbitrary<Scenario> = fc.oneof(
  { weight: 3, arbitrary: singleArb },
  { weight: 1, arbitrary: mixedFamilyArb },
  { weight: 1, arbitrary: resolvFileArb },
);
