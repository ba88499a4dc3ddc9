import type { ContentTypeEncoder, Message } from 'vscode-languageserver/node';

const PUBLISH_DIAGNOSTICS = 'textDocument/publishDiagnostics';
const MARKER = '"diagnostics":[]';
const COMMA = Buffer.from(',');

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

/**
 * The bytes of `JSON.stringify(message)` in UTF-8. An edit re-sends every diagnostic of the file (hundreds in a
 * 5,000-line manifest) and changes a few: the diagnostics of a publishDiagnostics notification are encoded once
 * each and copied afterwards, which costs far less than the JSON text and UTF-8 copy of the whole message.
 */
export function encodeMessage(message: Message): Buffer {
  const diagnostics = publishedDiagnostics(message);
  if (diagnostics) {
    const { params } = message as unknown as { params: Record<string, unknown> };
    const shell = JSON.stringify({ ...message, params: { ...params, diagnostics: [] } });
    // Inside a JSON string every `"` is escaped, so the key seen unescaped once is the params' own key.
    const at = shell.indexOf(MARKER);
    if (at !== -1 && shell.indexOf(MARKER, at + 1) === -1) {
      const open = at + MARKER.length - 1;
      const parts: Buffer[] = [Buffer.from(shell.slice(0, open), 'utf8')];
      diagnostics.forEach((diagnostic, i) => {
        if (i > 0) parts.push(COMMA);
        parts.push(jsonOf(diagnostic));
      });
      parts.push(Buffer.from(shell.slice(open), 'utf8'));
      return Buffer.concat(parts);
    }
  }
  return Buffer.from(JSON.stringify(message), 'utf8');
}

function publishedDiagnostics(message: Message): object[] | undefined {
  const { method, params } = message as { method?: unknown; params?: { diagnostics?: unknown } };
  if (method !== PUBLISH_DIAGNOSTICS || typeof params !== 'object' || params === null) return undefined;
  const { diagnostics } = params;
  if (!Array.isArray(diagnostics) || diagnostics.length === 0) return undefined;
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
