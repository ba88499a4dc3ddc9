import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseArgv } from './argv.js';
import { tokensFromWords } from '../../text/source-range.js';

const optionish = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.constantFrom('--', '-', '--=', '---', '-Nqc', '--server', '--cache-size', '--log-q', '-S', '-qextra', ' '),
  fc.tuple(fc.constantFrom('--', '-', '--no-', '--server=', '-c'), fc.string({ unit: 'binary' })).map(([a, b]) => a + b),
);

describe('parseArgv on arbitrary words', () => {
  it('never throws and keeps every range inside the text', () => {
    fc.assert(
      fc.property(fc.array(optionish, { maxLength: 12 }), (words) => {
        const text = words.join(' ');
        const parsed = parseArgv(tokensFromWords(words));
        const inside = (r: { start: number; end: number }) => 0 <= r.start && r.start <= r.end && r.end <= text.length;
        for (const o of parsed.options) {
          expect(inside(o.nameRange) && inside(o.range)).toBe(true);
          if (o.valueRange) expect(inside(o.valueRange)).toBe(true);
          if (o.value !== undefined && o.mapValue) {
            expect(inside({ start: o.mapValue(0), end: o.mapValue(o.value.length) })).toBe(true);
          }
        }
        for (const p of [...parsed.problems, ...parsed.positionals]) expect(inside(p.range)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
