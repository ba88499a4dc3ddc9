import { describe, expect, it } from 'vitest';
import { keepInsideLastLine } from './code-actions.js';

const apply = (text: string, e: { start: number; end: number; newText: string }) => text.slice(0, e.start) + e.newText + text.slice(e.end);

describe('keepInsideLastLine', () => {
  it('moves a line appended after the final newline to before it, with the same result', () => {
    for (const [text, newText] of [
      ['a\nb\n', 'log-queries\n'],
      ['a\r\nb\r\n', 'log-queries\r\n'],
    ] as const) {
      const edit = { start: text.length, end: text.length, newText };
      const moved = keepInsideLastLine(text, edit);
      expect(moved.start).toBeLessThan(text.length);
      expect(apply(text, moved)).toBe(apply(text, edit));
    }
  });

  it('leaves every other edit alone', () => {
    const edits = [
      { start: 0, end: 0, newText: 'x\n' },
      { start: 3, end: 4, newText: 'y' },
      { start: 4, end: 4, newText: 'no newline' },
    ];
    for (const edit of edits) expect(keepInsideLastLine('a\nb\n', edit)).toBe(edit);
  });

  it('keeps a file without a final newline without one', () => {
    expect(keepInsideLastLine('a\nb', { start: 3, end: 3, newText: '\nc\n' })).toEqual({ start: 3, end: 3, newText: '\nc' });
  });
});
