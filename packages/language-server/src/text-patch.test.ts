import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyPatch, diffText } from './text-patch.js';

// Few distinct characters, so texts share long runs; lone surrogates included (a client may send them).
const text = fc.array(fc.constantFrom('a', 'b', '\n', '-', 'é', '\ud83d', '\ude00', '😀'), { maxLength: 3000 }).map((cs) => cs.join(''));

describe('diffText', () => {
  it('gives a patch that turns the previous text into the next one exactly', () => {
    fc.assert(
      fc.property(text, text, (previous, next) => {
        expect(applyPatch(previous, diffText(previous, next))).toBe(next);
      }),
    );
  });

  it('keeps an edit of a long text small, wherever it is', () => {
    fc.assert(
      fc.property(text, fc.nat(), fc.nat(40), fc.string({ maxLength: 20 }), (base, at, length, inserted) => {
        const previous = `${base}${'x'.repeat(5000)}${base}`;
        const start = at % (previous.length + 1);
        const next = previous.slice(0, start) + inserted + previous.slice(start + length);
        const patch = diffText(previous, next);
        expect(applyPatch(previous, patch)).toBe(next);
        expect(patch.text.length).toBeLessThanOrEqual(inserted.length);
        expect(patch.end - patch.start).toBeLessThanOrEqual(Math.min(length, previous.length - start));
      }),
    );
  });

  it('is empty for equal texts', () => {
    const same = 'kind: Pod\n'.repeat(500);
    expect(diffText(same, `${same}`)).toEqual({ start: same.length, end: same.length, text: '' });
  });
});
