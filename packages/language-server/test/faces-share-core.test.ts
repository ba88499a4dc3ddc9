import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CodeAction, CompletionItem, Hover, MarkupContent, TextEdit } from 'vscode-languageserver-protocol';
import { describeServerValue } from '@kube-dns-tools/core/dnsmasq';
import { applyEdits as applyOffsetEdits, disableLineEdit, lintText, SUPPRESS_NEXT_LINE, suppressionRuleBeingTyped } from '@kube-dns-tools/core/lint';
import { LspTestClient } from './lsp-test-client.js';
import { applyEdits, fixture, positionOf } from './fixtures.js';

/** Knowledge that used to live in the server now comes from core; over stdio the server says exactly core's words. */
describe('the server shows what core knows', () => {
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

  it('hover on a --server value is core describeServerValue', async () => {
    const value = '/cluster.local/127.0.0.1#10053';
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: positionOf(text, value, 3) });
    expect((hover?.contents as MarkupContent).value).toContain(`**Here:** ${describeServerValue('server', value)}`);
  });

  it('"Disable for this line" is core disableLineEdit, and core then suppresses the finding', async () => {
    const finding = lintText(text, { filePath: uri }).findings.find((f) => f.ruleId === 'no-negcache')!;
    const range = { start: finding.span.startPosition, end: finding.span.endPosition };
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: [] } });
    const disable = actions.find((a) => a.title === 'Disable no-negcache for this line')!;
    const edits = (disable.edit?.documentChanges?.[0] as { edits: TextEdit[] } | undefined)?.edits ?? disable.edit?.changes?.[uri] ?? [];
    const viaServer = applyEdits(text, edits);
    expect(viaServer).toBe(applyOffsetEdits(text, [disableLineEdit(text, finding.span.start, 'no-negcache')!]));
    expect(lintText(viaServer).findings.map((f) => f.ruleId)).not.toContain('no-negcache');
  });

  it('rule ids are completed where core says a suppression names a rule', async () => {
    const line = `# ${SUPPRESS_NEXT_LINE} no-neg`;
    expect(suppressionRuleBeingTyped(line)).toBe('no-neg');
    const version = await client.edit(uri, { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: `${line}\n` });
    expect(version).toBeGreaterThan(1);
    const items = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line: 0, character: line.length } });
    expect(items.map((i) => i.label)).toContain('no-negcache');
    expect(items.find((i) => i.label === 'no-negcache')?.textEdit).toMatchObject({ range: { start: { line: 0, character: line.length - 'no-neg'.length } } });
  });
});
