import { isScalar, isSeq, visit, type Node, type Scalar, type YAMLError, type YAMLSeq } from 'yaml';

/*
 * A container with 200,000 arguments is a block sequence of 200,000 one-line plain scalars, and `yaml` keeps
 * for every one of them CST tokens and a node with ranges: 15-30x the text. Such runs of lines are read here,
 * line by line, and `yaml` parses a copy of the document in which every item between a run's first and last
 * is blanked to spaces (same length, line breaks kept, so every offset stays valid). The first and last items
 * stay, so the sequence keeps its range; `readWordList` puts the blanked items back between them.
 *
 * A line joins a run only when it is, beyond doubt, a sequence item holding a one-line plain scalar and nothing
 * else (no comment, tab, quote, indicator, `: `), in the block list of an `args:` or `command:` key. `yaml`
 * confirms each run after parsing (its first and last items are neighbours in an `args:`/`command:` sequence)
 * and the document must parse without errors; otherwise the reader parses the document as written.
 */

/** What the reader takes from a `yaml` document. */
export interface ParsedDoc {
  readonly errors: readonly YAMLError[];
  readonly contents: unknown;
}

/** The blanked items of one run, as absolute source offsets of their plain scalars. */
export interface CollapsedRun {
  /** Start of the scalar of the run's first (kept) item. */
  readonly first: number;
  /** Start of the scalar of the run's last (kept) item. */
  readonly last: number;
  /** Start and end of each blanked item's scalar, in order: `[start0, end0, start1, end1, ...]`. */
  readonly bounds: Int32Array;
}

export interface CollapsedChunk {
  /** The chunk's text with the runs blanked: what `yaml` parses. */
  readonly text: string;
  /** Runs by the start of their first item's scalar. */
  readonly runs: ReadonlyMap<number, CollapsedRun>;
}

/**
 * The fewest items of a run read apart. An ordinary argv (tens of items) costs `yaml` little, and reading it
 * apart would cost a second look at the document to confirm it; tests lower it to exercise runs on short lists.
 * Runs blank their items from the second to the one before the last, so 3 is the least that blanks anything.
 */
export const DEFAULT_MIN_RUN = 64;

/** Whether the line at `at` is `- plain-scalar` and nothing else; if so `out` gets `[indent, scalarStart, scalarEnd]`. */
function itemLine(text: string, at: number, end: number, out: number[]): boolean {
  let i = at;
  while (i < end && text.charCodeAt(i) === 0x20) i++;
  const indent = i - at;
  if (text.charCodeAt(i) !== 0x2d /* - */ || text.charCodeAt(i + 1) !== 0x20) return false;
  i += 2;
  while (i < end && text.charCodeAt(i) === 0x20) i++;
  const start = i;
  const first = text.charCodeAt(i);
  // A plain scalar may start with `-` when a non-space follows; no other indicator, no quote.
  if (first === 0x2d) {
    const next = text.charCodeAt(i + 1);
    if (!(next > 0x20 && next < 0x7f)) return false;
  } else if (!(first > 0x20 && first < 0x7f) || INDICATORS.includes(text[i]!)) return false;
  let last = i;
  for (; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) break;
    if (c === 0x0d) {
      if (text.charCodeAt(i + 1) !== 0x0a) return false;
      break;
    }
    if (c === 0x20) continue;
    if (c < 0x20 || c > 0x7e) return false;
    // `: ` or a final `:` makes a mapping key; ` #` starts a comment.
    if (c === 0x3a /* : */) {
      const next = text.charCodeAt(i + 1);
      if (next === 0x20 || next === 0x0a || next === 0x0d || Number.isNaN(next) || i + 1 >= end) return false;
    }
    if (c === 0x23 /* # */ && text.charCodeAt(i - 1) === 0x20) return false;
    last = i;
  }
  out[0] = indent;
  out[1] = start;
  out[2] = last + 1;
  return true;
}

/** Blanks the line `[from, to)` (its line break included, and kept) into `pieces`. */
function blankLine(text: string, from: number, to: number, pieces: string[]): void {
  let content = to;
  if (text.charCodeAt(content - 1) === 0x0a) content--;
  if (text.charCodeAt(content - 1) === 0x0d) content--;
  pieces.push(spaces(content - from), text.slice(content, to));
}

const blanks: string[] = [];
function spaces(n: number): string {
  if (n >= 256) return ' '.repeat(n);
  return (blanks[n] ??= ' '.repeat(n));
}

/** A key whose value is a block list the reader reads words from (`args:`, `- command:`), and its indentation. */
const LIST_KEY = /(- +)?(?:args|command)[ \t]*:(?:[ \t]+#[^\r\n]*|[ \t]*)(?=\r?\n|$)/y;

const INDICATORS = '-?:,[]{}#&*!|>\'"%@`';

/**
 * Finds the runs of `masked.slice(from, to)` and blanks them; undefined when there is none. Offsets are absolute.
 */
export function collapseRuns(masked: string, from: number, to: number, minRun = DEFAULT_MIN_RUN): CollapsedChunk | undefined {
  const runs = new Map<number, CollapsedRun>();
  const pieces: string[] = [];
  let copied = from;
  const line: number[] = [0, 0, 0];
  // The current run: its scalars' bounds and the start of each of its lines.
  let bounds: number[] = [];
  let lineStarts: number[] = [];
  const close = (): void => {
    const items = lineStarts.length;
    if (items >= Math.max(3, minRun)) {
      // Blank from the second line to the start of the last line: every character but line breaks.
      const blankFrom = lineStarts[1]!;
      const blankTo = lineStarts[items - 1]!;
      pieces.push(masked.slice(copied, blankFrom));
      for (let l = 1; l < items - 1; l++) blankLine(masked, lineStarts[l]!, lineStarts[l + 1]!, pieces);
      copied = blankTo;
      runs.set(bounds[0]!, { first: bounds[0]!, last: bounds[bounds.length - 2]!, bounds: Int32Array.from(bounds.slice(2, -2)) });
    }
    bounds = [];
    lineStarts = [];
  };
  // The block list of an `args:`/`command:` key the scan is in: the key's indentation, then its items'.
  let keyIndent = -1;
  let itemIndent = -1;
  for (let at = from; at < to; ) {
    let eol = masked.indexOf('\n', at);
    if (eol < 0 || eol >= to) eol = to;
    let i = at;
    while (i < eol && masked.charCodeAt(i) === 0x20) i++;
    const lead = i - at;
    const c = masked.charCodeAt(i);
    // Blank and comment lines change nothing; any other line either continues the list or ends it.
    if (i < eol && c !== 0x0d && c !== 0x23) {
      const dash = c === 0x2d && (i + 1 === eol || masked.charCodeAt(i + 1) === 0x20 || masked.charCodeAt(i + 1) === 0x0d);
      if (keyIndent >= 0 && itemIndent < 0 && dash && lead >= keyIndent) itemIndent = lead;
      else if (!(itemIndent >= 0 && (lead > itemIndent || (lead === itemIndent && dash)))) keyIndent = itemIndent = -1;
      LIST_KEY.lastIndex = i;
      const key = c === 0x61 || c === 0x63 || dash ? LIST_KEY.exec(masked) : null;
      if (key) {
        close();
        keyIndent = lead + (key[1]?.length ?? 0);
        itemIndent = -1;
      }
    }
    if (itemIndent >= 0 && itemLine(masked, at, eol, line) && line[0] === itemIndent) {
      bounds.push(line[1]!, line[2]!);
      lineStarts.push(at);
    } else close();
    at = eol + 1;
  }
  close();
  if (runs.size === 0) return undefined;
  pieces.push(masked.slice(copied, to));
  return { text: pieces.join(''), runs };
}

/**
 * True when `yaml` read every run as neighbouring items of a block `args:`/`command:` sequence (`base` is the
 * absolute offset of the parsed text), the only place the reader looks for the blanked items.
 */
export function runsConfirmed(docs: readonly ParsedDoc[], runs: ReadonlyMap<number, CollapsedRun>, base: number): boolean {
  const confirmed = new Set<CollapsedRun>();
  for (const doc of docs) {
    if (doc.errors.length > 0) return false;
    visit(doc.contents as Node | null, {
      Pair(_, pair) {
        const key = pair.key;
        if (!isScalar(key) || (key.value !== 'args' && key.value !== 'command') || !isSeq(pair.value)) return;
        const seq = pair.value as YAMLSeq;
        if (seq.flow) return;
        for (let i = 0; i + 1 < seq.items.length; i++) {
          const a = seq.items[i];
          const b = seq.items[i + 1];
          if (!isPlain(a) || !isPlain(b)) continue;
          const run = runs.get(base + a.range![0]);
          if (run && run.last === base + b.range![0]) confirmed.add(run);
        }
      },
    });
  }
  return confirmed.size === runs.size;
}

function isPlain(node: unknown): node is Scalar {
  return isScalar(node) && node.range !== undefined && node.range !== null && (node.type ?? 'PLAIN') === 'PLAIN';
}
