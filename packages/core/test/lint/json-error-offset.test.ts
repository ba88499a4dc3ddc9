import { describe, expect, it } from 'vitest';
import { parseJson } from '../../src/lint/json-error-offset.js';

describe('parseJson', () => {
  it('returns the value of valid JSON', () => {
    expect(parseJson('{"a": ["1.2.3.4"]}')).toEqual({ ok: true, value: { a: ['1.2.3.4'] } });
  });

  it.each([
    ['{“acme.local”: [“1.2.3.4”]}', 1, /typographic quote/],
    ['["8.8.8.8",]', 11, /expected a value/],
    ['["8.8.8.8"', 10, /expected "," or "]"/],
    ['{"a" ["x"]}', 5, /expected ":"/],
    ['[1] x', 4, /after the value/],
    ['"open', 5, /not closed/],
    ['{"acme.local": ["1.2.3.4\n"]}', 24, /raw line break or tab/],
  ])('locates the first bad character of %s', (text, offset, reason) => {
    const r = parseJson(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.offset).toBe(offset);
    expect(r.reason).toMatch(reason);
  });
});
