import type { ContentTypeEncoder, Message } from 'vscode-languageserver/node';

const PUBLISH_DIAGNOSTICS = 'textDocument/publishDiagnostics';
const MARKER = '"diagnostics":[]';
const COMMA = 0x2c;
/** Documents whose last published list is kept; beyond it the least recently published is dropped. */
const KEPT_DOCUMENTS = 64;

/** Each diagnostic's JSON, kept while the diagnostic object lives (diagnostics.ts reuses one per finding). */
const encoded = new WeakMap<object, Buffer>();

function jsonOf(diagnostic: object): Buffer {
  let bytes = encoded.get(diagnostic);
  if (!bytes) {
    bytes = Buffer.from(JSON.stringify(diagnostic), 'utf8');
    encoded.set(diagnostic, bytes);
  }
  return bytes;
}

/** A document's last published list: its diagnostics, their JSON joined by commas, and where each one ends. */
interface PublishedList {
  readonly diagnostics: readonly object[];
  readonly body: Buffer;
  readonly ends: Uint32Array;
}

/** Per document uri, in the order of their last publish. */
const published = new Map<string, PublishedList>();

/**
 * The diagnostics' JSON joined by commas. An edit changes the diagnostics of one YAML document and re-sends all
 * of the file's: the runs before and after it that are the same objects as last time are copied from the last
 * list's bytes in one piece each, so only the diagnostics in between are joined one by one.
 */
function listBody(uri: string | undefined, diagnostics: readonly object[], before: Buffer, after: Buffer): { message: Buffer; list: PublishedList } {
  const last = uri === undefined ? undefined : published.get(uri);
  const n = diagnostics.length;
  const m = last?.diagnostics.length ?? 0;
  let same = 0;
  while (same < n && same < m && diagnostics[same] === last!.diagnostics[same]) same++;
  let sameEnd = 0;
  while (sameEnd < n - same && sameEnd < m - same && diagnostics[n - 1 - sameEnd] === last!.diagnostics[m - 1 - sameEnd]) sameEnd++;

  const startOf = (list: PublishedList, i: number) => (i === 0 ? 0 : list.ends[i - 1]! + 1);
  const head = same > 0 ? last!.body.subarray(0, last!.ends[same - 1]) : undefined;
  const middle: Buffer[] = [];
  for (let i = same; i < n - sameEnd; i++) middle.push(jsonOf(diagnostics[i]!));
  const tail = sameEnd > 0 ? last!.body.subarray(startOf(last!, m - sameEnd)) : undefined;

  // The commas between the diagnostics, less those already inside the copied runs.
  let size = Math.max(0, n - 1) - Math.max(0, same - 1) - Math.max(0, sameEnd - 1) + (head?.length ?? 0) + (tail?.length ?? 0);
  for (const part of middle) size += part.length;
  // The list is written straight into the message, between the bytes before and after it.
  const message = Buffer.allocUnsafe(before.length + size + after.length);
  before.copy(message, 0);
  after.copy(message, before.length + size);
  const body = message.subarray(before.length, before.length + size);
  const ends = new Uint32Array(n);
  let at = 0;
  if (head) {
    at = head.copy(body, 0);
    ends.set(last!.ends.subarray(0, same));
  }
  for (let i = same; i < n - sameEnd; i++) {
    if (i > 0) body[at++] = COMMA;
    at += middle[i - same]!.copy(body, at);
    ends[i] = at;
  }
  if (tail) {
    if (n - sameEnd > 0) body[at++] = COMMA;
    const moved = at - startOf(last!, m - sameEnd);
    at += tail.copy(body, at);
    for (let k = 0; k < sameEnd; k++) ends[n - sameEnd + k] = last!.ends[m - sameEnd + k]! + moved;
  }
  return { message, list: { diagnostics, body, ends } };
}

function remember(uri: string, list: PublishedList): void {
  published.delete(uri);
  if (list.diagnostics.length === 0) return;
  published.set(uri, list);
  if (published.size > KEPT_DOCUMENTS) published.delete(published.keys().next().value!);
}

/**
 * The bytes of `JSON.stringify(message)` in UTF-8. An edit re-sends every diagnostic of the file (hundreds in a
 * 5,000-line manifest) and changes a few: diagnostics are encoded once each and a document's unchanged runs of
 * diagnostics are copied from its last publish, which costs far less than the JSON text of the whole message.
 */
export function encodeMessage(message: Message): Buffer {
  const diagnostics = publishedDiagnostics(message);
  if (diagnostics) {
    const { params } = message as unknown as { params: Record<string, unknown> };
    const uri = typeof params.uri === 'string' ? params.uri : undefined;
    const shell = JSON.stringify({ ...message, params: { ...params, diagnostics: [] } });
    // Inside a JSON string every `"` is escaped, so the key seen unescaped once is the params' own key.
    const at = shell.indexOf(MARKER);
    if (at !== -1 && shell.indexOf(MARKER, at + 1) === -1) {
      const open = at + MARKER.length - 1;
      const { message: bytes, list } = listBody(uri, diagnostics, Buffer.from(shell.slice(0, open), 'utf8'), Buffer.from(shell.slice(open), 'utf8'));
      if (uri !== undefined) remember(uri, list);
      return bytes;
    }
  }
  return Buffer.from(JSON.stringify(message), 'utf8');
}

function publishedDiagnostics(message: Message): object[] | undefined {
  const { method, params } = message as { method?: unknown; params?: { diagnostics?: unknown; uri?: unknown } };
  if (method !== PUBLISH_DIAGNOSTICS || typeof params !== 'object' || params === null) return undefined;
  const { diagnostics } = params;
  if (!Array.isArray(diagnostics)) return undefined;
  if (diagnostics.length === 0) {
    // A document's list emptied (closed, or clean): nothing of it is kept.
    if (typeof params.uri === 'string') published.delete(params.uri);
    return undefined;
  }
  // Anything unusual (a hole, a value that is not a plain object, a toJSON) keeps JSON.stringify's own text.
  for (let i = 0; i < diagnostics.length; i++) {
    const d: unknown = diagnostics[i];
    if (typeof d !== 'object' || d === null || Array.isArray(d) || typeof (d as { toJSON?: unknown }).toJSON === 'function') return undefined;
  }
  return diagnostics as object[];
}

/** vscode-jsonrpc's JSON encoder for the --stdio writer, with each diagnostic's JSON encoded once. */
export const diagnosticsJsonEncoder: ContentTypeEncoder = {
  name: 'application/json',
  encode: (message, options) => {
    if (options.charset !== 'utf-8') return Promise.reject(new Error(`charset ${options.charset} is not supported`));
    try {
      return Promise.resolve(encodeMessage(message));
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  },
};
