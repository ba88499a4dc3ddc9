import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CodeAction, CompletionItem, Hover } from 'vscode-languageserver-protocol';
import { lintText } from '@kube-dns-tools/core/lint';
import { LspTestClient } from './lsp-test-client.js';
import { fixture } from './fixtures.js';
import { bigManifest } from './big-manifest.js';

describe('robustness over stdio', () => {
  let client: LspTestClient;
  beforeAll(async () => {
    client = await LspTestClient.start({ initializationOptions: { settings: { lintDelayMs: 20 } } });
  });
  afterAll(async () => {
    await client.stop();
  });

  it('survives arbitrary text and bytes: every document gets a publish and every request an answer', async () => {
    const texts = fc.sample(
      fc.oneof(
        fc.string({ unit: 'binary', maxLength: 400 }),
        fc.uint8Array({ maxLength: 400 }).map((bytes) => Buffer.from(bytes).toString('latin1')),
        fc.uint8Array({ maxLength: 400 }).map((bytes) => Buffer.from(bytes).toString('utf8')),
        fc.constantFrom(fixture('kube-dns.yaml').text, fixture('kube-dns-flow.json').text).chain((base) =>
          fc.tuple(fc.nat(base.length), fc.nat(40), fc.string({ unit: 'binary', maxLength: 20 })).map(
            ([at, cut, junk]) => base.slice(0, at) + junk + base.slice(at + cut),
          ),
        ),
      ),
      { numRuns: 60, seed: 20261126 },
    );
    for (const [index, text] of texts.entries()) {
      const uri = `untitled:fuzz-${index}.yaml`;
      await client.open(uri, text);
      await client.diagnosticsFor(uri, 1);
      const position = { line: index % 5, character: index % 17 };
      await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position });
      await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position });
      await client.request<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: { start: position, end: position },
        context: { diagnostics: [] },
      });
      await client.close(uri);
    }
    expect(client.process.exitCode).toBeNull();
  });

  it('lints a 50,000-line file in the worker while it keeps answering other requests', async () => {
    const big = bigManifest(50_000);
    expect(big.split('\n').length).toBeGreaterThanOrEqual(50_000);
    const uri = 'untitled:big.yaml';
    const small = fixture('kube-dns.yaml');
    await client.open(small.uri, small.text);
    await client.diagnosticsFor(small.uri, 1);
    await client.open(uri, big);
    const answered = await client.request<CompletionItem[]>('textDocument/completion', {
      textDocument: { uri: small.uri },
      position: { line: 0, character: 0 },
    });
    expect(answered).toEqual([]);
    const diagnostics = await client.diagnosticsFor(uri, 1, 120_000);
    expect(diagnostics.filter((d) => d.code === 'no-negcache').length).toBeGreaterThan(1000);
    await client.close(uri);
  });

  it('after rapid changes, and a change during a lint, the last publish is for the last version and matches the engine', async () => {
    const uri = 'untitled:rapid.yaml';
    const base = fixture('kube-dns.yaml').text;
    await client.open(uri, bigManifest(20_000));
    // The big text is being linted now; change it under the lint, then type fast.
    let version = 1;
    let text = base;
    for (let i = 0; i < 100; i++) {
      text = i % 2 === 0 ? base.replace('--cache-size=1000', `--cache-size=${i}`) : base.replace('--no-resolv', `--no-resolv\n        - --no-negcache`);
      version = await client.replace(uri, text);
    }
    const final = await client.diagnosticsFor(uri, version, 60_000);
    const published = client.diagnostics.get(uri)!.map((p) => p.version ?? 0);
    expect(published).toEqual([...published].sort((a, b) => a - b));
    expect(final.map((d) => [d.code, d.message])).toEqual(lintText(text).findings.map((f) => [f.ruleId, f.message]));
    // Debounced and coalesced: fewer lints than edits (usually a handful; a loaded machine spaces edits out more).
    expect(published.length).toBeLessThan(100);
  });
});

describe('a lint that takes too long', () => {
  it('is abandoned after lintTimeoutMs: the worker is restarted and the next document is linted normally', async () => {
    const client = await LspTestClient.start({ initializationOptions: { settings: { lintDelayMs: 0, lintTimeoutMs: 100 } } });
    try {
      const uri = 'untitled:too-big.yaml';
      await client.open(uri, bigManifest(50_000));
      await client.waitFor(() => (client.logs.some((line) => line.includes('abandoned, worker restarted')) ? true : undefined), 'timeout log');
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { kubeDnsTools: { lintTimeoutMs: 20_000 } } });
      const small = fixture('kube-dns.yaml');
      await client.open(small.uri, small.text);
      const diagnostics = await client.diagnosticsFor(small.uri, 1);
      expect(diagnostics.map((d) => d.code)).toContain('no-negcache');
      expect(client.process.exitCode).toBeNull();
    } finally {
      await client.stop();
    }
  });

  it('documents opened before the restart are edited as before: the new worker is sent their whole text', async () => {
    const client = await LspTestClient.start({ initializationOptions: { settings: { lintDelayMs: 0, lintTimeoutMs: 100 } } });
    try {
      // Edits travel to the worker as patches against the text it holds; a new worker holds none.
      const small = fixture('kube-dns.yaml');
      await client.open(small.uri, small.text);
      await client.diagnosticsFor(small.uri, 1);
      await client.open('untitled:too-big.yaml', bigManifest(50_000));
      await client.waitFor(() => (client.logs.some((line) => line.includes('abandoned, worker restarted')) ? true : undefined), 'timeout log');
      const at = small.text.indexOf('--cache-size=');
      expect(at).toBeGreaterThan(0);
      const line = small.text.slice(0, at).split('\n').length - 1;
      const character = at - (small.text.lastIndexOf('\n', at) + 1);
      const version = await client.edit(small.uri, { range: { start: { line, character }, end: { line, character } }, text: '--no-negcache\n        - ' });
      const edited = small.text.slice(0, at) + '--no-negcache\n        - ' + small.text.slice(at);
      const diagnostics = await client.diagnosticsFor(small.uri, version);
      expect(diagnostics.map((d) => [d.code, d.message])).toEqual(lintText(edited, { filePath: small.path }).findings.map((f) => [f.ruleId, f.message]));
      expect(diagnostics.map((d) => d.code)).not.toContain('no-negcache');
    } finally {
      await client.stop();
    }
  });
});
