import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { isMap, isScalar, parseDocument, type Scalar } from 'yaml';
import { decodeScalar } from '../../src/manifest/scalar-decode.js';

/** Decodes the value of `v:` in a one-key document with our decoder and returns it next to yaml's. */
function both(doc: string): { ours: string; theirs: string; offsets: readonly number[] } {
  const parsed = parseDocument(doc);
  expect(parsed.errors).toEqual([]);
  const pair = isMap(parsed.contents) ? parsed.contents.items[0] : undefined;
  const node = pair?.value as Scalar;
  expect(isScalar(node)).toBe(true);
  const [start, end] = node.range!;
  const decoded = decodeScalar(doc, start, end, node.type!);
  return { ours: decoded.value, theirs: String(node.value), offsets: decoded.offsets };
}

const CASES = [
  'v: plain words here\n',
  'v: plain\n  folded\n\n  with a blank line\n',
  "v: 'it''s'\n",
  "v: 'single\n  folded'\n",
  'v: "tab\\tnew\\nline \\u00e9 \\x41 \\\\ \\" \\/"\n',
  'v: "escaped \\\n   break"\n',
  'v: "two\n\n  lines"\n',
  'v: |\n  literal\n    indented\n  \n  end\n',
  'v: |-\n  stripped\n',
  'v: |+\n  kept\n\n',
  'v: >\n  folded\n  text\n\n  para\n    more\n  back\n',
  'v: >-\n  a\n  b\n',
  'v: |\r\n  crlf\r\n  lines\r\n',
  'v: "\\U0001F600 emoji"\n',
];

describe('scalar decoding matches yaml', () => {
  test.each(CASES)('%j', (doc) => {
    const { ours, theirs } = both(doc);
    expect(ours).toBe(theirs);
  });

  test('offsets point at the source characters', () => {
    const doc = `v: "a\\tb"\n`;
    const { offsets } = both(doc);
    expect(offsets.map((o) => doc[o])).toEqual(['a', '\\', 'b', '"']);
  });

  const word = fc.stringMatching(/^[A-Za-z0-9=#/.:,'"\\ -]{0,12}$/);
  test('double- and single-quoted round trips of arbitrary strings', () => {
    fc.assert(
      fc.property(fc.array(word, { maxLength: 4 }), (parts) => {
        const value = parts.join(' ');
        const dq = both(`v: ${JSON.stringify(value)}\n`);
        expect(dq.ours).toBe(dq.theirs);
        const sq = both(`v: '${value.replace(/'/g, "''")}'\n`);
        expect(sq.ours).toBe(sq.theirs);
      }),
      { numRuns: 200 },
    );
  });

  test('block scalars of random lines', () => {
    const line = fc.stringMatching(/^[a-z #-]{0,8}$/);
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 6 }), fc.constantFrom('|', '>', '|-', '>+'), (lines, header) => {
        const body = lines.map((l) => (l.trim() === '' ? '' : `  x${l}`)).join('\n');
        const { ours, theirs } = both(`v: ${header}\n${body}\n`);
        expect(ours).toBe(theirs);
      }),
      { numRuns: 200 },
    );
  });
});
