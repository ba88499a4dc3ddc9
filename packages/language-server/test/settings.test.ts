import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { LspTestClient, PLAIN_CAPABILITIES } from './lsp-test-client.js';
import { fixture } from './fixtures.js';

const codes = (diagnostics: { code?: unknown }[]) => diagnostics.map((d) => d.code);

describe('settings', () => {
  const { uri, text } = fixture('kube-dns.yaml');
  const scratch = mkdtempSync(join(tmpdir(), 'kdt-ls-settings-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('honours kubeDnsTools.rules pushed with workspace/didChangeConfiguration, live', async () => {
    const client = await LspTestClient.start();
    try {
      await client.open(uri, text);
      expect(codes(await client.diagnosticsFor(uri, 1))).toContain('no-negcache');
      const count = () => client.diagnostics.get(uri)!.length;

      let before = count();
      await client.connection.sendNotification('workspace/didChangeConfiguration', {
        settings: { kubeDnsTools: { rules: { 'no-negcache': 'off' } } },
      });
      let latest = await client.waitFor(() => (count() > before ? client.diagnostics.get(uri)!.at(-1) : undefined), 'relint');
      expect(codes(latest.diagnostics)).not.toContain('no-negcache');

      before = count();
      // The flat spelling, as clients without VS Code's nesting send it.
      await client.connection.sendNotification('workspace/didChangeConfiguration', {
        settings: { kubeDnsTools: { 'rules.no-negcache': 'error' } },
      });
      latest = await client.waitFor(() => (count() > before ? client.diagnostics.get(uri)!.at(-1) : undefined), 'relint');
      expect(latest.diagnostics.find((d) => d.code === 'no-negcache')?.severity).toBe(1);

      before = count();
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { kubeDnsTools: { enable: false } } });
      latest = await client.waitFor(() => (count() > before ? client.diagnostics.get(uri)!.at(-1) : undefined), 'relint');
      expect(latest.diagnostics).toEqual([]);
    } finally {
      await client.stop();
    }
  });

  it('asks with workspace/configuration when the client supports it', async () => {
    let rules: Record<string, string> = {};
    const client = await LspTestClient.start({
      capabilities: { ...PLAIN_CAPABILITIES, workspace: { ...PLAIN_CAPABILITIES.workspace, configuration: true } },
      configuration: (section) => (section === 'kubeDnsTools' ? { rules } : null),
    });
    try {
      await client.open(uri, text);
      expect(codes(await client.diagnosticsFor(uri, 1))).toContain('no-negcache');
      const before = client.diagnostics.get(uri)!.length;
      rules = { 'no-negcache': 'hint' };
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
      const latest = await client.waitFor(
        () => client.diagnostics.get(uri)!.slice(before).find((p) => p.diagnostics.some((d) => d.code === 'no-negcache' && d.severity === 4)),
        'hint severity',
      );
      expect(latest).toBeDefined();
    } finally {
      await client.stop();
    }
  });

  it("reads the repository's .kube-dns-tools.yaml, and editor settings override it", async () => {
    const repo = join(scratch, 'repo');
    mkdirSync(join(repo, '.git'), { recursive: true });
    mkdirSync(join(repo, 'deploy'), { recursive: true });
    writeFileSync(join(repo, '.kube-dns-tools.yaml'), 'rules:\n  no-negcache: error\n  log-queries: off\n');
    const file = join(repo, 'deploy', 'kube-dns.yaml');
    writeFileSync(file, text);
    const fileUri = pathToFileURL(file).href;
    const client = await LspTestClient.start();
    try {
      await client.open(fileUri, text);
      const diagnostics = await client.diagnosticsFor(fileUri, 1);
      expect(diagnostics.find((d) => d.code === 'no-negcache')?.severity).toBe(1);
      const before = client.diagnostics.get(fileUri)!.length;
      await client.connection.sendNotification('workspace/didChangeConfiguration', {
        settings: { kubeDnsTools: { rules: { 'no-negcache': 'info' } } },
      });
      const latest = await client.waitFor(() => (client.diagnostics.get(fileUri)!.length > before ? client.diagnostics.get(fileUri)!.at(-1) : undefined), 'relint');
      expect(latest.diagnostics.find((d) => d.code === 'no-negcache')?.severity).toBe(3);
    } finally {
      await client.stop();
    }
  });
});
