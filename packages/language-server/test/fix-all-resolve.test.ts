import { describe, expect, it } from 'vitest';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { LspTestClient, PLAIN_CAPABILITIES } from './lsp-test-client.js';
import { fixture } from './fixtures.js';

const RESOLVING = {
  ...PLAIN_CAPABILITIES,
  textDocument: {
    ...PLAIN_CAPABILITIES.textDocument,
    codeAction: { ...PLAIN_CAPABILITIES.textDocument!.codeAction, resolveSupport: { properties: ['edit'] } },
  },
};

describe('fix-all in the lightbulb is resolved on demand', () => {
  it('a request without `only` gets the fix-all action without its edit; codeAction/resolve gives the on-save edit', async () => {
    const client = await LspTestClient.start({ capabilities: RESOLVING });
    try {
      const { uri, text } = fixture('kube-dns.yaml');
      await client.open(uri, text);
      const negcache = (await client.diagnosticsFor(uri, 1)).find((d: Diagnostic) => d.code === 'no-negcache')!;
      const lightbulb = await client.request<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: negcache.range,
        context: { diagnostics: [negcache] },
      });
      const lazy = lightbulb.find((a) => a.kind === 'source.fixAll.kube-dns-tools')!;
      expect(lazy.edit).toBeUndefined();
      expect(lazy.data).toEqual({ uri, version: 1 });
      const resolved = await client.request<CodeAction>('codeAction/resolve', lazy);
      const [onSave] = await client.request<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: negcache.range,
        context: { diagnostics: [], only: ['source.fixAll'] },
      });
      expect(resolved.edit).toBeDefined();
      expect(resolved.edit).toEqual(onSave!.edit);
      // Quick fixes still carry their edits at once.
      expect(lightbulb.find((a) => a.kind === 'quickfix' && a.isPreferred)?.edit).toBeDefined();
    } finally {
      await client.stop();
    }
  });
});
