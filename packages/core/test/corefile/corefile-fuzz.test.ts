import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findCorefiles } from '../../src/manifest/find-corefiles.js';
import { lintText } from '../../src/lint/lint-text.js';

const dir = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/coredns-corpus');
const corpus = readdirSync(dir)
  .filter((n) => !/\.(json|tsv|md)$/.test(n))
  .map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') }));

const PIECES = ['{', '}', '"', '\\"', '#', ' ', '\t', '\n', '\r\n', '{$X}', '{{ .x }}', '{% if a %}', '{% endif %}', 'import ', '(snip)', ',', 'cache', 'forward', '.:53', '\uFEFF'];

/** Lints with both a Corefile name and a manifest name; every finding must lie inside the text. */
function lintsCleanly(text: string, started = Date.now()): void {
  for (const filePath of ['Corefile', 'coredns.yaml']) {
    const { findings } = lintText(text, { filePath });
    for (const f of findings) {
      expect(f.ruleId).not.toBe('internal-error');
      expect(f.span.start).toBeGreaterThanOrEqual(0);
      expect(f.span.end).toBeLessThanOrEqual(text.length);
      expect(f.span.start).toBeLessThanOrEqual(f.span.end);
    }
  }
  expect(Date.now() - started).toBeLessThan(2000);
}

describe('Corefile reader fuzz', () => {
  it('random text never throws, never hangs, keeps ranges inside the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        expect(() => findCorefiles(text, 'Corefile')).not.toThrow();
        lintsCleanly(text);
      }),
      { numRuns: 300 },
    );
  });

  it('Corefile-shaped noise never throws', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 120 }), (pieces) => {
        lintsCleanly(pieces.join(''));
        lintsCleanly(`data:\n  Corefile: |\n    ${pieces.join('').replace(/\n/g, '\n    ')}\n`);
      }),
      { numRuns: 300 },
    );
  });

  it('mutated corpus files never throw', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...corpus),
        fc.array(fc.tuple(fc.nat(), fc.nat({ max: 8 }), fc.constantFrom(...PIECES, '')), { minLength: 1, maxLength: 6 }),
        ({ text }, edits) => {
          let out = text;
          for (const [at, del, insert] of edits) {
            const i = at % (out.length + 1);
            out = out.slice(0, i) + insert + out.slice(i + del);
          }
          lintsCleanly(out);
        },
      ),
      { numRuns: 200 },
    );
  });
});
