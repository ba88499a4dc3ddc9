import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { LspTestClient } from './lsp-test-client.js';

const codes = (diagnostics: { code?: unknown }[]) => diagnostics.map((d) => d.code);
/** `proxy` was removed in CoreDNS 1.5.0: reported without a version or from 1.5.0, silent before. */
const PROXY = '.:53 {\n    proxy . 8.8.8.8 1.1.1.1\n}\n';

async function relinted(client: LspTestClient, uri: string, settings: unknown) {
  const before = client.diagnostics.get(uri)!.length;
  await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { kubeDnsTools: settings } });
  const latest = await client.waitFor(() => (client.diagnostics.get(uri)!.length > before ? client.diagnostics.get(uri)!.at(-1) : undefined), 'relint');
  return codes(latest.diagnostics);
}

describe('corefile documents in the language server', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'kdt-ls-corefile-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('lints an untitled buffer, or a file of any name, as a Corefile when its languageId is corefile', async () => {
    const client = await LspTestClient.start();
    try {
      await client.open('untitled:Untitled-1', PROXY, 'corefile');
      expect(codes(await client.diagnosticsFor('untitled:Untitled-1', 1))).toEqual(['coredns-proxy-plugin']);
      // The same text in a YAML buffer is no Corefile.
      await client.open('untitled:Untitled-2', PROXY, 'yaml');
      expect(codes(await client.diagnosticsFor('untitled:Untitled-2', 1))).not.toContain('coredns-proxy-plugin');
      // A .conf name alone would be read as dnsmasq configuration; the language says Corefile.
      const conf = pathToFileURL(join(scratch, 'dns.conf')).href;
      await client.open(conf, PROXY, 'corefile');
      expect(codes(await client.diagnosticsFor(conf, 1))).toEqual(['coredns-proxy-plugin']);
      const hover = await client.request<{ contents: { value: string } } | null>('textDocument/hover', {
        textDocument: { uri: conf },
        position: { line: 1, character: 6 },
      });
      expect(hover?.contents.value).toMatch(/proxy/);
    } finally {
      await client.stop();
    }
  });

  it('judges Corefiles against kubeDnsTools.corednsVersion; the image tag in the same file still wins', async () => {
    const client = await LspTestClient.start();
    try {
      const uri = 'untitled:Untitled-1';
      await client.open(uri, PROXY, 'corefile');
      expect(codes(await client.diagnosticsFor(uri, 1))).toEqual(['coredns-proxy-plugin']);
      expect(await relinted(client, uri, { corednsVersion: '1.4.0' })).toEqual([]);
      expect(await relinted(client, uri, { corednsVersion: 'v1.6' })).toEqual(['coredns-proxy-plugin']);
      expect(await relinted(client, uri, { corednsVersion: 'latest' })).toEqual(['coredns-proxy-plugin']);

      const manifest = [
        'apiVersion: v1',
        'kind: ConfigMap',
        'metadata: {name: coredns, namespace: kube-system}',
        'data:',
        '  Corefile: |',
        '    .:53 {',
        '        proxy . 8.8.8.8 1.1.1.1',
        '    }',
        '---',
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata: {name: coredns, namespace: kube-system}',
        'spec:',
        '  template:',
        '    spec:',
        '      containers:',
        '        - name: coredns',
        '          image: registry.k8s.io/coredns:1.6.2',
        '',
      ].join('\n');
      const file = pathToFileURL(join(scratch, 'coredns.yaml')).href;
      expect(await relinted(client, uri, { corednsVersion: '1.4.0' })).toEqual([]);
      await client.open(file, manifest);
      expect(codes(await client.diagnosticsFor(file, 1))).toContain('coredns-proxy-plugin');
    } finally {
      await client.stop();
    }
  });

  it(".kube-dns-tools.yaml's corednsVersion applies when the setting is unset, and the setting overrides it", async () => {
    const repo = join(scratch, 'repo');
    mkdirSync(join(repo, '.git'), { recursive: true });
    writeFileSync(join(repo, '.kube-dns-tools.yaml'), 'corednsVersion: 1.4.0\n');
    const file = join(repo, 'Corefile');
    writeFileSync(file, PROXY);
    const uri = pathToFileURL(file).href;
    const client = await LspTestClient.start();
    try {
      await client.open(uri, PROXY, 'corefile');
      expect(codes(await client.diagnosticsFor(uri, 1))).toEqual([]);
      expect(await relinted(client, uri, { corednsVersion: '1.11.3' })).toEqual(['coredns-proxy-plugin']);
    } finally {
      await client.stop();
    }
  });
});
