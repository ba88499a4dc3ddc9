// The differential suite must be able to fail: its comparison rules catch each kind of difference,
// and a real dnsmasq run with a changed option fails the scenario that option affects.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compareScenario, type ScenarioObservation } from './expectations.js';
import { sequenceMatches, normaliseLine } from './log-lines.js';
import { checkScenario, loadScenarios } from './scenario-suite.js';
import { BASE_ARGS } from './scenario-player.js';
import type { Scenario } from './scenario-format.js';

const record = { name: 'a.example.com', type: 'A', ttl: 300, data: '192.0.2.1' };
const scenario: Scenario = {
  id: 'self-check',
  steps: [{
    query: { name: 'a.example.com' },
    expect: {
      response: { rcode: 'NOERROR', aa: false, answers: [record], authority: [] },
      upstream: { UP1: 1 },
      log: ['query[A] a.example.com from 127.0.0.1', 'opt:forwarded a.example.com to 127.0.0.1#{UP1}', 're:reply a\\.example\\.com is [0-9.]+'],
    },
  }],
  expect: { startup: { running: true, log_contains: ['using nameserver 127.0.0.1#{UP1}'] } },
};

function observed(changes: { rcode?: string; ttl?: number; data?: string; upstream?: number; log?: string[]; name?: string } = {}): ScenarioObservation {
  const answer = { ...record, name: changes.name ?? 'A.Example.COM', ttl: changes.ttl ?? 299, data: changes.data ?? record.data };
  return {
    startup: { running: true, exitCode: null, log: ['started, version 2.90 cachesize 150', 'using nameserver 127.0.0.1#{UP1}'] },
    steps: [{
      responses: [{ id: 1, rcode: changes.rcode ?? 'NOERROR', aa: false, tc: false, ra: true, rd: true, answers: [answer], authority: [], additional: [], edns: false }],
      upstream: { UP1: changes.upstream ?? 1 },
      log: changes.log ?? ['query[A] a.example.com from 127.0.0.1', 'reply a.example.com is 192.0.2.1'],
    }],
  };
}

describe('comparison rules', () => {
  it('accept a matching observation (name case and TTL within 1 s, optional line absent, regex line)', () => {
    expect(compareScenario(scenario, observed())).toEqual([]);
  });

  it.each([
    ['rcode', { rcode: 'SERVFAIL' }, /step0\.response\.rcode: expected NOERROR got SERVFAIL/],
    ['ttl', { ttl: 297 }, /answers\[0\]\.ttl: expected 300 \(±1\) got 297/],
    ['data', { data: '192.0.2.2' }, /answers\[0\]\.data/],
    ['name', { name: 'b.example.com' }, /answers\[0\]\.name/],
    ['upstream count', { upstream: 2 }, /step0\.upstream\.UP1: expected 1 queries, got 2/],
    ['extra log line', { log: ['query[A] a.example.com from 127.0.0.1', 'reply a.example.com is 192.0.2.1', 'cached a.example.com is 192.0.2.1'] }, /step0\.log mismatch/],
    ['missing log line', { log: ['query[A] a.example.com from 127.0.0.1'] }, /step0\.log mismatch/],
  ])('catch a different %s', (_what, changes, message) => {
    expect(compareScenario(scenario, observed(changes)).join('\n')).toMatch(message);
  });

  it('catch a server that did not start', () => {
    const obs = { ...observed(), startup: { running: false, exitCode: 2, log: ['bad option'] }, steps: [] };
    expect(compareScenario(scenario, obs).join('\n')).toMatch(/startup\.running: expected true got false/);
  });

  it('match log sequences exactly, in order', () => {
    expect(sequenceMatches(['a', 'opt:b', 'c'], ['a', 'c'])).toBe(true);
    expect(sequenceMatches(['a', 'opt:b', 'c'], ['a', 'b', 'c'])).toBe(true);
    expect(sequenceMatches(['a', 'c'], ['c', 'a'])).toBe(false);
    expect(sequenceMatches(['re:x\\d+'], ['x12'])).toBe(true);
    expect(sequenceMatches(['re:x\\d+'], ['x12y'])).toBe(false);
  });

  it('normalise the dnsmasq prefix, timestamps and known ports', () => {
    expect(normaliseLine('dnsmasq[123]: forwarded a to 127.0.0.1#40000', { UP1: 40000 })).toBe('forwarded a to 127.0.0.1#{UP1}');
    expect(normaliseLine('Nov 26 08:45:18 dnsmasq[7]: query[A] a from 127.0.0.1', {})).toBe('query[A] a from 127.0.0.1');
    expect(normaliseLine('forwarded a to 127.0.0.1#400001', { UP1: 40000 })).toBe('forwarded a to 127.0.0.1#400001');
  });
});

const DNSMASQ = process.env.DNSMASQ_BIN ?? '/usr/sbin/dnsmasq';
describe.skipIf(!existsSync(DNSMASQ) || process.getuid?.() !== 0)('a real run with a changed option fails', () => {
  it('pos-a-cache-hit fails against dnsmasq --cache-size=0 (the second query goes upstream)', async () => {
    const sc = loadScenarios().scenarios.find((s) => s.id === 'pos-a-cache-hit')!;
    const verdict = await checkScenario(sc, DNSMASQ, [...BASE_ARGS, '--cache-size=0']);
    expect(verdict.errors.join('\n')).toMatch(/step1\.upstream\.UP1: expected 0 queries, got 1/);
    expect(verdict.attempts).toBe(2);
  });
});
