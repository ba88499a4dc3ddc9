import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CompletionItem, Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { LspTestClient } from './lsp-test-client.js';
import { fixture, positionOf } from './fixtures.js';

const markdown = (hover: Hover | null) => (hover?.contents as MarkupContent | undefined)?.value ?? '';

describe('hover and completion over stdio', () => {
  let client: LspTestClient;
  const { uri, text } = fixture('kube-dns.yaml');
  beforeAll(async () => {
    client = await LspTestClient.start();
    await client.open(uri, text);
    await client.diagnosticsFor(uri, 1);
  });
  afterAll(async () => {
    await client.stop();
  });

  const hover = (needle: string, delta: number) =>
    client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: positionOf(text, needle, delta) });

  it('explains a flag and what its value means here, with the man page link', async () => {
    const result = await hover('--cache-size=1000', 4);
    const value = markdown(result);
    expect(value).toContain('--cache-size');
    expect(value).toContain('1000');
    expect(value).toMatch(/\*\*Here:\*\*/);
    expect(value).toContain('https://thekelleys.org.uk/dnsmasq/docs/dnsmasq-man.html');
    const start = positionOf(text, '--cache-size=1000');
    expect(result!.range!.start).toEqual(start);
  });

  it('says where a --server value routes names', async () => {
    const value = markdown(await hover('/cluster.local/127.0.0.1#10053', 3));
    expect(value).toContain('Names under cluster.local go to 127.0.0.1 port 10053');
    const upstream = markdown(await hover('--server=10.36.8.40', 12));
    expect(upstream).toMatch(/go to 10\.36\.8\.40 port 53/);
  });

  it('has nothing to say outside dnsmasq arguments (kubedns flags, plain YAML)', async () => {
    expect(await hover('--dns-port=10053', 3)).toBeNull();
    expect(await hover('replicas: 2', 2)).toBeNull();
  });

  it('completes option names in the args list with a value snippet and the docs', async () => {
    const position = positionOf(text, '        - --no-resolv\n', 0);
    const version = await client.edit(uri, { range: { start: position, end: position }, text: '        - --no-neg\n' });
    const at = { line: position.line, character: '        - --no-neg'.length };
    const items = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: at });
    const negcache = items.find((i) => i.label === '--no-negcache')!;
    expect(negcache).toBeDefined();
    expect(negcache.textEdit).toMatchObject({ newText: '--no-negcache', range: { start: { line: at.line, character: 10 }, end: at } });
    const cacheSize = items.find((i) => i.label === '--cache-size')!;
    expect(cacheSize.insertTextFormat).toBe(2);
    expect((cacheSize.textEdit as { newText: string }).newText).toBe('--cache-size=${1:<integer>}');
    expect((cacheSize.documentation as MarkupContent).value).toContain('dnsmasq manual');
    // Undo, so later tests see the original text.
    await client.edit(uri, { range: { start: position, end: { line: position.line + 1, character: 0 } }, text: '' });
    expect(version).toBeGreaterThan(1);
  });

  it('completes nothing outside a dnsmasq args list', async () => {
    const position = positionOf(text, '        - --dns-port=10053', '        - --dns'.length);
    const items = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position });
    expect(items).toEqual([]);
  });

  it('completes rule ids inside suppression comments', async () => {
    const position = positionOf(text, 'apiVersion: apps/v1');
    await client.edit(uri, { range: { start: position, end: position }, text: '# kube-dns-tools-disable no-ne\n' });
    const at = { line: position.line, character: '# kube-dns-tools-disable no-ne'.length };
    const items = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: at });
    const ids = items.map((i) => i.label);
    expect(ids).toContain('no-negcache');
    expect(ids).toContain('server-syntax');
    expect(items.find((i) => i.label === 'no-negcache')!.textEdit).toMatchObject({
      newText: 'no-negcache',
      range: { start: { line: at.line, character: at.character - 'no-ne'.length } },
    });
  });
});
