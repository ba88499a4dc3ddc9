import { afterEach, describe, expect, it } from 'vitest';
import type { Diagnostic, Hover } from 'vscode-languageserver-protocol';
import { LspTestClient } from './lsp-test-client.js';
import { fixture, positionOf } from './fixtures.js';
import { deploymentDocuments, nestedFlowLine, oneHugeDocument, peakMemoryMb } from './hostile-documents.js';

const clients: LspTestClient[] = [];
async function start(settings: Record<string, unknown>): Promise<LspTestClient> {
  const client = await LspTestClient.start({ initializationOptions: { settings } });
  clients.push(client);
  return client;
}
afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.stop()));
});

function notice(diagnostics: Diagnostic[]): Diagnostic | undefined {
  return diagnostics.find((d) => d.code === 'not-fully-linted');
}

/** Opens a normal document and resolves with how long its diagnostics took. */
async function smallDocumentLatency(client: LspTestClient, timeoutMs: number): Promise<number> {
  const small = fixture('kube-dns.yaml');
  const opened = performance.now();
  await client.open(small.uri, small.text);
  const diagnostics = await client.diagnosticsFor(small.uri, 1, timeoutMs);
  expect(diagnostics.map((d) => d.code)).toContain('no-negcache');
  return performance.now() - opened;
}

describe('hostile documents over stdio', () => {
  it('a line of 10,000 and of 13,000 nested flow sequences: bounded diagnostics, message size and memory', async () => {
    const client = await start({ lintDelayMs: 0 });
    for (const depth of [10_000, 13_000]) {
      const uri = `untitled:nested-${depth}.yaml`;
      const started = performance.now();
      await client.open(uri, nestedFlowLine(depth));
      const diagnostics = await client.diagnosticsFor(uri, 1, 90_000);
      const seconds = (performance.now() - started) / 1000;
      const bytes = JSON.stringify(diagnostics).length;
      console.info(`nested ${depth}: ${diagnostics.length} diagnostics, ${(bytes / 1e6).toFixed(1)} MB, ${seconds.toFixed(1)} s`);
      expect(diagnostics.length).toBeLessThanOrEqual(5001);
      expect(String(notice(diagnostics)?.message)).toMatch(/^\d+ more findings are not shown/);
      expect(Math.max(...diagnostics.map((d) => JSON.stringify(d.message).length))).toBeLessThan(1000);
      expect(bytes).toBeLessThan(10_000_000);
      expect(seconds).toBeLessThan(60);
    }
    expect(peakMemoryMb(client.process.pid!) ?? 0).toBeLessThan(1500);
    expect(client.process.exitCode).toBeNull();
  }, 240_000);

  it('a document over the time budget is abandoned with a diagnostic; the document queued behind it still gets its diagnostics', async () => {
    // A budget a normal document meets easily even on a loaded machine; the 10 MB document needs several times it.
    const client = await start({ lintDelayMs: 0, lintTimeoutMs: 4000 });
    const uri = 'untitled:one-huge-document.yaml';
    await client.open(uri, oneHugeDocument(120_000));
    await new Promise((resolve) => setTimeout(resolve, 1400));
    const latency = await smallDocumentLatency(client, 20_000);
    const abandoned = await client.diagnosticsFor(uri, 1, 30_000);
    expect(String(notice(abandoned)?.message)).toMatch(/did not lint this document: it took over 4000 ms/);
    expect(client.logs.some((line) => line.includes('abandoned, worker restarted'))).toBe(true);
    // Behind the abandoned lint at worst: its budget plus a normal lint.
    console.info(`queued behind an abandoned lint: diagnostics after ${latency.toFixed(0)} ms`);
    expect(latency).toBeLessThan(4000 + 8000);
  }, 120_000);

  it('a 20 MB document: refused by the size budget at once, and hover answers without stalling the server', async () => {
    const client = await start({ lintDelayMs: 0 });
    const text = deploymentDocuments(25_000);
    expect(text.length).toBeGreaterThan(20_000_000);
    const uri = 'untitled:twenty-mb.yaml';
    await client.open(uri, text);
    const refused = await client.diagnosticsFor(uri, 1, 30_000);
    expect(refused).toHaveLength(1);
    expect(String(notice(refused)?.message)).toMatch(/it has \d+ characters, over the budget/);
    const position = positionOf(text, '--cache-size=1000', 4);
    position.line += (deploymentDocuments(1).split('\n').length - 1) * 20_000;
    const asked = performance.now();
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position });
    const hoverMs = performance.now() - asked;
    expect(JSON.stringify(hover?.contents)).toContain('--cache-size');
    expect(hover?.range?.start.line).toBe(position.line);
    console.info(`hover on line ${position.line} of a 20 MB document: ${hoverMs.toFixed(0)} ms`);
    // Before: 10.3 s and 3.3 GB. What is left is mostly the editor library's line index of the 20 MB text (once).
    expect(hoverMs).toBeLessThan(5000);
    expect(await smallDocumentLatency(client, 10_000)).toBeLessThan(5000);
    // One YAML document of 20 MB: too big to read on the main thread, so no hover rather than a stall.
    const single = oneHugeDocument(230_000);
    expect(single.length).toBeGreaterThan(20_000_000);
    await client.open('untitled:one-20-mb-document.yaml', single);
    const before = performance.now();
    const none = await client.request<Hover | null>('textDocument/hover', {
      textDocument: { uri: 'untitled:one-20-mb-document.yaml' },
      position: positionOf(single, '--cache-size', 4),
    });
    expect(none).toBeNull();
    expect(performance.now() - before).toBeLessThan(5000);
    expect(peakMemoryMb(client.process.pid!) ?? 0).toBeLessThan(1500);
  }, 120_000);

  it('10,000 documents in one 10 MB file: linted within bounded time and memory, other documents served meanwhile, an edit re-lints one', async () => {
    const client = await start({ lintDelayMs: 0, lintTimeoutMs: 180_000 });
    const text = deploymentDocuments(12_600);
    expect(text.length).toBeGreaterThan(10_000_000);
    const uri = 'untitled:ten-thousand.yaml';
    const started = performance.now();
    await client.open(uri, text);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const small = await smallDocumentLatency(client, 15_000);
    console.info(`a small document opened during the 10 MB lint: diagnostics after ${small.toFixed(0)} ms`);
    expect(small).toBeLessThan(8000);
    const diagnostics = await client.diagnosticsFor(uri, 1, 180_000);
    const seconds = (performance.now() - started) / 1000;
    expect(diagnostics.filter((d) => d.code === 'no-negcache').length).toBeGreaterThan(1000);
    expect(String(notice(diagnostics)?.message)).toMatch(/^32800 more findings are not shown/);
    expect(seconds).toBeLessThan(180);
    const edited = performance.now();
    const at = positionOf(text, '--cache-size=1000');
    const range = { start: at, end: { line: at.line, character: at.character + '--cache-size=1000'.length } };
    const version = await client.edit(uri, { range, text: '--cache-size=999' });
    await client.diagnosticsFor(uri, version, 30_000);
    const editSeconds = (performance.now() - edited) / 1000;
    console.info(`10,000+ documents: first lint ${seconds.toFixed(1)} s, an edit ${editSeconds.toFixed(1)} s, peak ${peakMemoryMb(client.process.pid!)?.toFixed(0)} MB`);
    expect(editSeconds).toBeLessThan(seconds / 3);
    expect(peakMemoryMb(client.process.pid!) ?? 0).toBeLessThan(1500);
  }, 300_000);
});

describe('a malformed frame', () => {
  it('is logged, and the server exits with code 1 so the client restarts it', async () => {
    const client = await start({});
    const exited = new Promise<number | null>((resolve) => client.process.once('exit', (code) => resolve(code)));
    client.process.stdin.write('Content-Length: abc\r\n\r\n{"jsonrpc":"2.0","method":"initialized","params":{}}');
    const code = await Promise.race([exited, new Promise<'still running'>((resolve) => setTimeout(() => resolve('still running'), 10_000))]);
    expect(code).toBe(1);
    expect(client.stderr.join('')).toMatch(/unreadable frame on stdin \(Content-Length value must be a number. Got abc\)/);
  });

  it('a body that is not JSON is logged and the next message is still answered', async () => {
    const client = await start({});
    const body = '{not json';
    client.process.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    const info = await client.request<{ name: string }>('kubeDnsTools/serverInfo', {});
    expect(info.name).toBeTruthy();
    expect(client.process.exitCode).toBeNull();
  });
});
