import { makeInsertion } from './arg-insertion.js';
import type { ReadWords } from './container-words.js';
import type { DocumentChunk } from './document-chunks.js';
import { locateDnsmasq } from './find-dnsmasq.js';
import { anchorConditional, toManifestArg, type ReadContext } from './manifest-arg.js';
import type { DnsmasqInvocation, WorkloadRef } from './model.js';
import { linesOf, readLineList, type Line } from './tolerant-lines.js';
import { decodeSource, type ChunkSource } from './yaml-nodes.js';

/**
 * The fallback for documents `yaml` cannot read even with template tags masked: finds container
 * items (`- name: ...` mappings with `command:`/`args:`) line by line. Ranges stay exact; the
 * surrounding structure is a best guess, so every invocation is marked `tolerant`.
 */

const KEY_LINE = /^(- +)?([A-Za-z][\w-]*):(?=[ \t]|$)[ \t]*/;

interface KeyAt {
  readonly key: string;
  readonly line: number;
  readonly column: number;
  readonly valueAt: number;
}

function keyOn(text: string, lines: readonly Line[], n: number): KeyAt | undefined {
  const line = lines[n]!;
  if (line.empty) return undefined;
  const from = line.start + line.indent;
  const m = KEY_LINE.exec(text.slice(from, line.end));
  if (!m) return undefined;
  return { key: m[2]!, line: n, column: line.indent + (m[1]?.length ?? 0), valueAt: from + m[0].length };
}

function scalarValue(src: ChunkSource, lines: readonly Line[], key: KeyAt | undefined): { value: string; start: number; end: number } | undefined {
  if (!key) return undefined;
  const { end } = lines[key.line]!;
  const text = src.masked;
  const c = text[key.valueAt];
  const quoted = c === '"' || c === "'";
  let stop = quoted ? text.indexOf(c, key.valueAt + 1) + 1 : end;
  if (stop <= 0 || stop > end) stop = end;
  if (!quoted) {
    const comment = text.slice(key.valueAt, stop).search(/[ \t]#/);
    if (comment >= 0) stop = key.valueAt + comment;
    while (stop > key.valueAt && /[ \t]/.test(text[stop - 1]!)) stop--;
  }
  const decoded = decodeSource(src, key.valueAt, stop, c === '"' ? 'QUOTE_DOUBLE' : c === "'" ? 'QUOTE_SINGLE' : 'PLAIN');
  return { value: decoded.value, start: key.valueAt, end: stop };
}

/** The keys of the mapping item starting on line `first` (its `- key:` line), and where it ends. */
function itemKeys(text: string, lines: readonly Line[], first: number, column: number): { keys: Map<string, KeyAt>; last: number } {
  const keys = new Map<string, KeyAt>();
  let last = first;
  for (let n = first; n < lines.length; n++) {
    const line = lines[n]!;
    if (n > first && !line.empty && line.indent < column) break;
    if (!line.empty) last = n;
    const key = keyOn(text, lines, n);
    if (key && key.column === column && !keys.has(key.key)) keys.set(key.key, key);
  }
  return { keys, last };
}

function workloadOf(src: ChunkSource, lines: readonly Line[]): WorkloadRef {
  let kind: ReturnType<typeof scalarValue>;
  let name: ReturnType<typeof scalarValue>;
  let inMetadata = false;
  for (let n = 0; n < lines.length && !(kind && name); n++) {
    const key = keyOn(src.masked, lines, n);
    if (!key) continue;
    if (key.column === 0) inMetadata = key.key === 'metadata';
    if (key.column === 0 && key.key === 'kind') kind ??= scalarValue(src, lines, key);
    if (inMetadata && key.column > 0 && key.key === 'name') name ??= scalarValue(src, lines, key);
  }
  const at = kind ?? { value: '', start: lines[0]?.start ?? 0, end: lines[0]?.start ?? 0 };
  return { kind: at.value, ...(name ? { name: name.value } : {}), annotations: {}, kindRange: { start: at.start, end: at.end } };
}

/** `workload`: what `yaml` could still make of the document's workload, if anything. */
export function readTolerantInvocations(ctx: ReadContext, chunk: DocumentChunk, workloadHint?: WorkloadRef): DnsmasqInvocation[] {
  const src: ChunkSource = { original: ctx.text, masked: ctx.mask.masked, base: 0 };
  const lines = linesOf(src.masked, chunk.start, chunk.end);
  const workload = workloadHint ?? workloadOf(src, lines);
  const out: DnsmasqInvocation[] = [];
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!;
    if (line.empty || src.masked[line.start + line.indent] !== '-') continue;
    const first = keyOn(src.masked, lines, n);
    if (!first || first.column === line.indent) continue;
    const { keys, last } = itemKeys(src.masked, lines, n, first.column);
    const list = (key: 'command' | 'args'): ReadWords | undefined => {
      const at = keys.get(key);
      return at ? readLineList(src, lines, at.line, key, at.valueAt, at.column) : undefined;
    };
    const command = list('command');
    const args = list('args');
    if (!command && !args) continue;
    const name = scalarValue(src, lines, keys.get('name'));
    const image = scalarValue(src, lines, keys.get('image'));
    const found = locateDnsmasq(command, args, image?.value, name?.value);
    if (!found) continue;
    const manifestArgs = found.words.map((w) => toManifestArg(ctx, w));
    const shape = { flow: false, firstKeyStart: line.start + first.column, lastValueEnd: lines[last]!.end };
    out.push({
      workload,
      ...(name ? { containerName: name.value } : {}),
      ...(image ? { image: image.value } : {}),
      containerRange: name ? { start: name.start, end: name.end } : { start: line.start, end: line.end },
      launcher: found.launcher,
      ...(found.wrapperFlags ? { wrapperFlags: found.wrapperFlags } : {}),
      args: manifestArgs,
      insertion: makeInsertion(ctx.text, found, manifestArgs, shape, anchorConditional(ctx, found)),
      tolerant: true,
      ...(command?.passedOver || args?.passedOver ? { listNotInView: 'tab-indented' as const } : {}),
      ...(found.wordsHidden ? { listNotInView: 'shell-expansion' as const } : {}),
    });
  }
  return out;
}
