import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OPTION_TABLE } from './option-table.js';
import { MODELLED_VALUE_OPTIONS, validateOptionValue } from './option-values.js';

const modelled = OPTION_TABLE.filter((o) => MODELLED_VALUE_OPTIONS.has(o.long));
const anyValue = fc.oneof(
  fc.constant(undefined),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.array(fc.constantFrom('0', '9', ',', ' ', '-', '/', '=', 'A', 'local0', 'TXT', '::1', '4294967296', '\u0000'), { maxLength: 12 }).map((p) => p.join('')),
  fc.stringMatching(/^[0-9]{0,40}$/),
  fc.string({ maxLength: 10 }).map((s) => s.repeat(2000)),
);

describe('validateOptionValue on arbitrary input', () => {
  it('knows every modelled option name', () => {
    expect(modelled.length).toBe(MODELLED_VALUE_OPTIONS.size);
  });

  it('never throws and keeps its range inside the value', () => {
    fc.assert(
      fc.property(fc.constantFrom(...OPTION_TABLE), anyValue, fc.constantFrom('long' as const, 'short' as const), (spec, value, form) => {
        const verdict = validateOptionValue(spec, value, form);
        if (!verdict) return;
        const length = value?.length ?? 0;
        expect(0 <= verdict.range.start && verdict.range.start <= verdict.range.end && verdict.range.end <= length).toBe(true);
        expect(verdict.reason).not.toBe('');
        expect(verdict.explanation).not.toBe('');
      }),
      { numRuns: 4000 },
    );
  });

  it('accepts every value of options it does not model', () => {
    const unmodelled = OPTION_TABLE.filter((o) => !MODELLED_VALUE_OPTIONS.has(o.long));
    fc.assert(
      fc.property(fc.constantFrom(...unmodelled), fc.string(), (spec, value) => {
        expect(validateOptionValue(spec, value, 'long')).toBeUndefined();
      }),
    );
  });
});
