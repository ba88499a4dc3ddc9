import fc from 'fast-check';
import { expect, test } from 'vitest';
import { commonPrefixLength, commonSuffixLength } from '../../src/text/common-affixes.js';

function naivePrefix(a: string, b: string, max: number): number {
  let i = 0;
  while (i < max && a[i] === b[i]) i++;
  return i;
}

// Long shared runs (past the 1,024-character steps) with a difference anywhere, lone surrogates included.
const pair = fc
  .record({
    shared: fc.array(fc.constantFrom('a', '\n', 'é', '\ud83d', '\ude00'), { maxLength: 3000 }).map((cs) => cs.join('')),
    left: fc.string({ maxLength: 5 }),
    right: fc.string({ maxLength: 5 }),
    at: fc.nat(),
  })
  .map(({ shared, left, right, at }) => {
    const cut = at % (shared.length + 1);
    return [shared.slice(0, cut) + left + shared.slice(cut), shared.slice(0, cut) + right + shared.slice(cut)] as const;
  });

test('the common prefix and suffix lengths are those a character-by-character walk finds, up to any bound', () => {
  fc.assert(
    fc.property(pair, fc.nat(), ([a, b], bound) => {
      const room = Math.min(a.length, b.length);
      const max = bound % (room + 1);
      expect(commonPrefixLength(a, b, max)).toBe(naivePrefix(a, b, max));
      // Reversing by code point would reorder surrogate pairs' halves: compare unit by unit instead.
      const units = (s: string) => Array.from({ length: s.length }, (_, i) => s[s.length - 1 - i]).join('');
      expect(commonSuffixLength(a, b, max)).toBe(naivePrefix(units(a), units(b), max));
      expect(commonPrefixLength(a, b)).toBe(naivePrefix(a, b, room));
    }),
  );
});
