import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Message } from 'vscode-languageserver/node';
import { lintText } from '@kube-dns-tools/core/lint';
import { bigManifest } from '../test/big-manifest.js';
import { diagnosticsJsonEncoder, encodeMessage } from './diagnostics-json-encoder.js';
import { toDiagnostics } from './diagnostics.js';

const publish = (uri: string, diagnostics: unknown[], version?: number): Message =>
  ({ jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri, ...(version !== undefined ? { version } : {}), diagnostics } }) as Message;

const expected = (message: Message) => Buffer.from(JSON.stringify(message), 'utf8');

describe('encodeMessage', () => {
  const uri = 'file:///manifests/kube-dns.yaml';
  const diagnostics = toDiagnostics(lintText(bigManifest(200)).findings);

  it('writes the bytes of JSON.stringify for a publishDiagnostics, the first time and when diagnostics are reused', () => {
    expect(diagnostics.length).toBeGreaterThan(2);
    for (const message of [publish(uri, diagnostics, 3), publish(uri, diagnostics, 4), publish(uri, diagnostics.slice(1), 5)]) {
      expect(encodeMessage(message).equals(expected(message))).toBe(true);
    }
  });

  it('writes the bytes of JSON.stringify whatever a document published before, reused runs or not', () => {
    const pool = [...diagnostics.slice(0, 12), { ...diagnostics[0]!, message: 'changed: naïve → 名前' }];
    const list = fc.array(fc.nat(pool.length - 1), { maxLength: 14 }).map((picks) => picks.map((i) => pool[i]!));
    const publishes = fc.array(fc.record({ doc: fc.nat(2), list, edit: fc.option(fc.nat(13)) }), { minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(publishes, (steps) => {
        const lastOf = new Map<number, object[]>();
        steps.forEach(({ doc, list, edit }, version) => {
          // Half the time the list is the document's last one with one diagnostic replaced, as after an edit.
          const last = lastOf.get(doc);
          const next = edit !== null && last && last.length > 0 ? last.map((d, i) => (i === edit % last.length ? { ...d } : d)) : list;
          lastOf.set(doc, next);
          const message = publish(`file:///doc-${doc}.yaml`, next, version);
          expect(encodeMessage(message).equals(expected(message))).toBe(true);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('keeps the bytes of a uri or message that holds the key itself, quotes and non-ASCII text', () => {
    const odd = { ...diagnostics[0]!, message: 'naïve "diagnostics":[] → 名前 \u2028 \ud83d\ude00' };
    for (const message of [
      publish('untitled:"diagnostics":[]', [odd, diagnostics[1]!]),
      publish('file:///tmp/%22diagnostics%22.yaml', [odd], 1),
      publish('file:///x.yaml', []),
    ]) {
      expect(encodeMessage(message).equals(expected(message))).toBe(true);
    }
  });

  it('falls back to JSON.stringify for other messages and unusual diagnostics', () => {
    const holes: unknown[] = [diagnostics[0]];
    holes[2] = diagnostics[1];
    const withToJson = { ...diagnostics[0]!, toJSON: () => 'x' };
    for (const message of [
      publish(uri, holes),
      publish(uri, [withToJson, 5, null, [1]]),
      { jsonrpc: '2.0', method: 'window/logMessage', params: { type: 3, message: 'hé' } } as Message,
      { jsonrpc: '2.0', id: 1, result: { diagnostics: [] } } as Message,
    ]) {
      expect(encodeMessage(message).equals(expected(message))).toBe(true);
    }
  });

  it('is what the --stdio writer uses, as vscode-jsonrpc asks of a content type encoder', async () => {
    const message = publish(uri, diagnostics, 9);
    const bytes = await diagnosticsJsonEncoder.encode(message, { charset: 'utf-8' });
    expect(Buffer.from(bytes).equals(expected(message))).toBe(true);
    await expect(diagnosticsJsonEncoder.encode(message, { charset: 'ascii' })).rejects.toThrow(/charset/);
  });
});
