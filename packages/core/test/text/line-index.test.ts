import { describe, expect, it } from 'vitest';
import { LineIndex } from '../../src/text/line-index.js';

describe('LineIndex', () => {
  it('counts \\n, \\r\\n and a lone \\r as line ends, and characters in UTF-16 units', () => {
    const text = 'a\r\nb😀c\rd\ne';
    const lines = new LineIndex(text);
    expect(lines.lineCount).toBe(4);
    expect(lines.position(text.indexOf('c'))).toEqual({ line: 1, character: 3 });
    expect(lines.position(text.indexOf('d'))).toEqual({ line: 2, character: 0 });
    expect(lines.position(text.length)).toEqual({ line: 3, character: 1 });
  });

  it('clamps spans to the text', () => {
    const span = new LineIndex('abc').span(-5, 99);
    expect(span).toEqual({ start: 0, end: 3, startPosition: { line: 0, character: 0 }, endPosition: { line: 0, character: 3 } });
  });
});
