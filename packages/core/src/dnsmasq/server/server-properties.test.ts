import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseServerValue } from './server.js';
import { SERVER_OPTION_KINDS } from './server-spec.js';
import type { Range } from '../../text/source-range.js';

const PIECES = ['/', '#', '@', '%', ',', '.', ':', ' ', '*', '[', ']', '0', '1', '9', '255', '65536', 'a', 'Z', 'ü', '-', '_',
  '::', '127.0.0.1', 'fe80::1', 'lo', 'xn--', '4294967296', '\u0000', '\ud800', '日本'];

/** Arbitrary text: any code units (lone surrogates and NUL included), grammar-shaped pieces, or very long. */
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }).map((parts) => parts.join('')),
  fc.string({ maxLength: 20 }).map((s) => s.repeat(500)),
);

function inside(range: Range | undefined, value: string): boolean {
  if (!range) return true;
  return Number.isInteger(range.start) && 0 <= range.start && range.start <= range.end && range.end <= value.length;
}

describe('parseServerValue on arbitrary input', () => {
  it('never throws and keeps every range inside the value', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SERVER_OPTION_KINDS), anyText, (option, value) => {
        const result = parseServerValue(option, value, { interfaceExists: (n) => n === 'lo' });
        if (!result.ok) {
          expect(inside(result.error.range, value)).toBe(true);
          expect(result.error.reason).not.toBe('');
          return;
        }
        const { spec } = result;
        expect(spec.raw).toBe(value);
        expect(inside(spec.targetRange, value)).toBe(true);
        expect(inside(spec.portRange, value)).toBe(true);
        for (const domain of spec.domains) expect(inside(domain.range, value)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('hands back the very text of each domain at its range', () => {
    fc.assert(
      fc.property(anyText, (value) => {
        const result = parseServerValue('server', `/${value}/127.0.0.1`);
        if (!result.ok) return;
        for (const d of result.spec.domains) {
          expect(result.spec.raw.slice(d.range.start, d.range.end)).toBe(d.text);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
