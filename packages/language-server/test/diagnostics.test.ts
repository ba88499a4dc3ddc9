import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lintText } from '@kube-dns-tools/core/lint';
import { LspTestClient } from './lsp-test-client.js';
import { fixture } from './fixtures.js';

describe('diagnostics over stdio', () => {
  let client: LspTestClient;
  beforeAll(async () => {
    client = await LspTestClient.start();
  });
  afterAll(async () => {
    await client.stop();
  });

  it('advertises what the clients need: incremental sync with openClose, quick fixes, fix-all, hover, completion', () => {
    const caps = client.initializeResult.capabilities;
    expect(caps.textDocumentSync).toEqual({ openClose: true, change: 2 });
    expect(caps.codeActionProvider).toEqual({ codeActionKinds: ['quickfix', 'source.fixAll.kube-dns-tools'] });
    expect(caps.hoverProvider).toBe(true);
    expect(caps.completionProvider?.triggerCharacters).toContain('-');
    expect(caps.diagnosticProvider).toBeUndefined();
    expect(client.initializeResult.serverInfo?.name).toBe('kube-dns-tools-language-server');
  });

  it('publishes the no-negcache warning on the incident manifest with code, docs link and source', async () => {
    const { uri, text, path } = fixture('kube-dns.yaml');
    await client.open(uri, text);
    const diagnostics = await client.diagnosticsFor(uri, 1);
    const negcache = diagnostics.find((d) => d.code === 'no-negcache');
    expect(negcache).toBeDefined();
    expect(negcache!.severity).toBe(2);
    expect(negcache!.source).toBe('kube-dns-tools');
    expect(negcache!.codeDescription?.href).toMatch(/docs\/rules\/no-negcache\.md$/);
    // The squiggle sits on the dnsmasq container's name, not on the whole line or file.
    const line = text.split('\n')[negcache!.range.start.line]!;
    expect(line.slice(negcache!.range.start.character, negcache!.range.end.character)).toBe('dnsmasq');
    // Byte for byte what the CLI's engine says.
    const engine = lintText(text, { filePath: path }).findings;
    expect(diagnostics.map((d) => [d.code, d.message, d.range.start, d.range.end])).toEqual(
      engine.map((f) => [f.ruleId, f.message, f.span.startPosition, f.span.endPosition]),
    );
  });

  it('stays silent on YAML without dnsmasq, but still publishes (an empty list) so clients know it is done', async () => {
    const { uri, text } = fixture('nginx.yaml');
    await client.open(uri, text);
    expect(await client.diagnosticsFor(uri, 1)).toEqual([]);
  });

  it('lints JSON manifests too', async () => {
    const { uri, text } = fixture('kube-dns-flow.json');
    await client.open(uri, text, 'json');
    const diagnostics = await client.diagnosticsFor(uri, 1);
    expect(diagnostics.map((d) => d.code)).toContain('no-negcache');
  });

  it('re-lints after an edit and tags the publish with the new version', async () => {
    const { uri, text } = fixture('kube-dns.yaml');
    const fixed = text.replace('        - --no-resolv\n', '        - --no-resolv\n        - --no-negcache\n');
    const version = await client.replace(uri, fixed);
    const diagnostics = await client.diagnosticsFor(uri, version);
    expect(diagnostics.map((d) => d.code)).not.toContain('no-negcache');
  });

  it('clears the diagnostics of a closed document', async () => {
    const { uri } = fixture('kube-dns-flow.json');
    const before = client.diagnostics.get(uri)!.length;
    await client.close(uri);
    const cleared = await client.waitFor(() => (client.diagnostics.get(uri)!.length > before ? client.diagnostics.get(uri)!.at(-1) : undefined), 'clear');
    expect(cleared.diagnostics).toEqual([]);
  });
});

describe('pull diagnostics', () => {
  it('answers textDocument/diagnostic when the client pulls, and then does not push', async () => {
    const client = await LspTestClient.start({
      capabilities: { textDocument: { diagnostic: { dynamicRegistration: false }, publishDiagnostics: {} } },
    });
    try {
      expect(client.initializeResult.capabilities.diagnosticProvider).toMatchObject({ identifier: 'kube-dns-tools' });
      const { uri, text } = fixture('kube-dns.yaml');
      await client.open(uri, text);
      const report = await client.request<{ kind: string; items: { code: string }[] }>('textDocument/diagnostic', {
        textDocument: { uri },
      });
      expect(report.kind).toBe('full');
      expect(report.items.map((d) => d.code)).toContain('no-negcache');
      expect(client.diagnostics.get(uri)).toBeUndefined();
    } finally {
      await client.stop();
    }
  });
});
