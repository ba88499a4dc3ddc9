import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { suggestOptions } from './option-suggest.js';
import { editDistance } from './option-suggest-distance.js';
import { OPTION_TABLE } from './option-table.js';

describe('suggestOptions', () => {
  it.each([
    ['no-negative-cache', 'no-negcache'],
    ['no-negative-caching', 'no-negcache'],
    ['no-neg-cache', 'no-negcache'],
    ['nonegcache', 'no-negcache'],
    ['negcache', 'no-negcache'],
    ['log-query', 'log-queries'],
    ['cachesize', 'cache-size'],
    ['cahce-size', 'cache-size'],
    ['strict-ordr', 'strict-order'],
    ['negative-ttl', 'neg-ttl'],
    ['no-resolve', 'no-resolv'],
    ['log-facilty', 'log-facility'],
    ['keep-foreground', 'keep-in-foreground'],
    ['debug', 'no-daemon'],
    ['nameserver', 'server'],
  ])('suggests --%s -> --%s first', (written, expected) => {
    expect(suggestOptions(written)[0]).toBe(expected);
  });

  it('takes the word as written: leading dashes and a value', () => {
    expect(suggestOptions('--servers=10.36.8.40')[0]).toBe('server');
    expect(suggestOptions('--servers=')).toContain('servers-file');
    expect(suggestOptions('--negcache')).toEqual(suggestOptions('negcache'));
  });

  it('does not match inside a word', () => {
    expect(suggestOptions('listen')).toEqual(['listen-address']);
  });

  it('stays silent when nothing is close', () => {
    expect(suggestOptions('xyzzy')).toEqual([]);
    expect(suggestOptions('')).toEqual([]);
    expect(suggestOptions('--')).toEqual([]);
  });

  it('returns nothing for a name dnsmasq knows', () => {
    expect(suggestOptions('server')).toEqual([]);
  });

  it('returns at most three distinct table options for any input', () => {
    const names = new Set(OPTION_TABLE.map((o) => o.long));
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (written) => {
        const suggestions = suggestOptions(written);
        expect(suggestions.length).toBeLessThanOrEqual(3);
        expect(new Set(suggestions).size).toBe(suggestions.length);
        for (const s of suggestions) expect(names.has(s)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('finds every option again from a one-letter typo', () => {
    for (const { long } of OPTION_TABLE) {
      if (long.length < 5) continue;
      const typo = `${long.slice(0, 2)}${long.slice(3)}`;
      if (OPTION_TABLE.some((o) => o.long === typo)) continue;
      expect(suggestOptions(typo), typo).toContain(long);
    }
  });
});

describe('editDistance', () => {
  it('counts a swap of neighbours as one edit', () => {
    expect(editDistance('cahce', 'cache')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
  });

  it('is symmetric', () => {
    fc.assert(fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), (a, b) => {
      expect(editDistance(a, b)).toBe(editDistance(b, a));
    }));
  });
});
