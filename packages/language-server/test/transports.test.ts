import { fork } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { createMessageConnection, IPCMessageReader, IPCMessageWriter } from 'vscode-jsonrpc/node';
import type { CodeAction, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { lintText } from '@kube-dns-tools/core/lint';
import { LspTestClient, SERVER } from './lsp-test-client.js';
import { applyEdits, fixture } from './fixtures.js';

describe('transports and line endings', () => {
  it('speaks node-ipc when started with --node-ipc (as the VS Code extension starts it)', async () => {
    const child = fork(SERVER, ['--node-ipc'], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    const connection = createMessageConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
    const exited = new Promise((resolve) => child.once('exit', resolve));
    try {
      const published = new Promise<PublishDiagnosticsParams>((resolve) =>
        connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => resolve(params)),
      );
      connection.onNotification('window/logMessage', () => undefined);
      connection.listen();
      await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
      await connection.sendNotification('initialized', {});
      const { uri, text } = fixture('kube-dns.yaml');
      await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
      expect((await published).diagnostics.map((d) => d.code)).toContain('no-negcache');
      await connection.sendRequest('shutdown');
      await connection.sendNotification('exit');
      await exited;
    } finally {
      connection.dispose();
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });

  it('keeps CRLF line endings in the quick fix of a CRLF file', async () => {
    const client = await LspTestClient.start();
    try {
      const uri = 'untitled:crlf.yaml';
      const text = fixture('kube-dns.yaml').text.replace(/\n/g, '\r\n');
      await client.open(uri, text);
      const diagnostic = (await client.diagnosticsFor(uri, 1)).find((d) => d.code === 'no-negcache')!;
      const [fix] = await client.request<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: diagnostic.range,
        context: { diagnostics: [diagnostic] },
      });
      const edits = fix!.edit!.documentChanges!.flatMap((change) => ('edits' in change ? change.edits : []));
      const fixed = applyEdits(text, edits as never);
      expect(fixed.replace(/\r\n/g, '')).not.toContain('\n');
      expect(lintText(fixed).findings.map((f) => f.ruleId)).not.toContain('no-negcache');
    } finally {
      await client.stop();
    }
  });
});
