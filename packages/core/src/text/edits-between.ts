import type { TextEdit } from './text-edit.js';

/** Above this many line pairs, the changed middle is replaced as one edit instead of diffed line by line. */
const MAX_DIFF_CELLS = 4_000_000;

/**
 * Edits that turn `before` into `after`, whole lines at a time: unchanged lines stay out of the edits, so an editor
 * keeps its cursor, folds and markers there. Applied together, the edits give `after` exactly.
 */
export function editsBetween(before: string, after: string): TextEdit[] {
  if (before === after) return [];
  const a = linesOf(before);
  const b = linesOf(after);
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const offsets = [0];
  for (const line of a) offsets.push(offsets[offsets.length - 1]! + line.length);
  const n = a.length - head - tail;
  const m = b.length - head - tail;
  const edit = (i0: number, i1: number, j0: number, j1: number): TextEdit => ({
    start: offsets[head + i0]!,
    end: offsets[head + i1]!,
    newText: b.slice(head + j0, head + j1).join(''),
  });
  if (n === 0 || m === 0 || n * m > MAX_DIFF_CELLS) return [edit(0, n, 0, m)];

  // Longest common subsequence of the middle lines, filled from the end so the walk below goes forward.
  const width = m + 1;
  const common = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      common[i * width + j] =
        a[head + i] === b[head + j]
          ? common[(i + 1) * width + j + 1]! + 1
          : Math.max(common[(i + 1) * width + j]!, common[i * width + j + 1]!);
    }
  }
  const edits: TextEdit[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[head + i] === b[head + j]) {
      i++;
      j++;
      continue;
    }
    const i0 = i;
    const j0 = j;
    while ((i < n || j < m) && !(i < n && j < m && a[head + i] === b[head + j])) {
      if (j >= m || (i < n && common[(i + 1) * width + j]! >= common[i * width + j + 1]!)) i++;
      else j++;
    }
    edits.push(edit(i0, i, j0, j));
  }
  return edits;
}

/** Lines with their terminators, so that joining them gives the text back. */
function linesOf(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}
