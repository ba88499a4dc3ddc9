import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CodeAction, Diagnostic, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { lintText } from '@kube-dns-tools/core/lint';
import { LspTestClient, PLAIN_CAPABILITIES } from './lsp-test-client.js';
import { applyEdits, fixture } from './fixtures.js';

function editsOf(edit: WorkspaceEdit | undefined, uri: string): TextEdit[] {
  if (!edit) return [];
  if (edit.documentChanges) {
    return edit.documentChanges.flatMap((change) => ('textDocument' in change && change.textDocument.uri === uri ? (change.edits as TextEdit[]) : []));
  }
  return edit.changes?.[uri] ?? [];
}

const ruleIds = (text: string) => lintText(text).findings.map((f) => f.ruleId);

describe('code actions over stdio', () => {
  let client: LspTestClient;
  const { uri, text } = fixture('kube-dns.yaml');
  let negcache: Diagnostic;

  beforeAll(async () => {
    client = await LspTestClient.start();
    await client.open(uri, text);
    negcache = (await client.diagnosticsFor(uri, 1)).find((d) => d.code === 'no-negcache')!;
  });
  afterAll(async () => {
    await client.stop();
  });

  const actionsAt = (diagnostic: Diagnostic, only?: string[]) =>
    client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic], ...(only ? { only } : {}) },
    });

  it('offers the ladder in ESLint order: preferred fix, alternatives, disable line, disable file, docs, fix all', async () => {
    const actions = await actionsAt(negcache);
    const titles = actions.map((a) => a.title);
    const first = actions[0]!;
    expect(first.kind).toBe('quickfix');
    expect(first.isPreferred).toBe(true);
    expect(first.title).toMatch(/--no-negcache|-N/);
    const at = (pattern: RegExp) => titles.findIndex((t) => pattern.test(t));
    const line = at(/^Disable no-negcache for this line$/);
    const file = at(/^Disable no-negcache for the entire file$/);
    const docs = at(/^Show documentation for no-negcache$/);
    const all = at(/^Fix all no-negcache problems$/);
    expect([line, file, docs, all].every((i) => i > 0)).toBe(true);
    expect(line).toBeLessThan(file);
    expect(file).toBeLessThan(docs);
    expect(docs).toBeLessThan(all);
    expect(actions.find((a) => a.kind === 'source.fixAll.kube-dns-tools')).toBeDefined();
  });

  it('the preferred fix, applied, gives a file that lints clean for the rule and only adds the flag', async () => {
    const [first] = await actionsAt(negcache);
    const fixed = applyEdits(text, editsOf(first!.edit, uri));
    expect(ruleIds(fixed)).not.toContain('no-negcache');
    expect(fixed.replace(/\n\s*- --no-negcache(?=\n)/, '')).toBe(text);
  });

  it('disable for this line and for the file insert suppression comments the engine honours', async () => {
    const actions = await actionsAt(negcache);
    for (const title of ['Disable no-negcache for this line', 'Disable no-negcache for the entire file']) {
      const action = actions.find((a) => a.title === title)!;
      const suppressed = applyEdits(text, editsOf(action.edit, uri));
      expect(suppressed).toContain('-- <reason>');
      const ids = ruleIds(suppressed);
      expect(ids).not.toContain('no-negcache');
      expect(ids).not.toContain('unused-suppression');
    }
  });

  it('show documentation asks the client to open the rule page through window/showDocument', async () => {
    const docs = (await actionsAt(negcache)).find((a) => a.title === 'Show documentation for no-negcache')!;
    expect(docs.command?.command).toBe('kube-dns-tools.server.showRuleDocs');
    await client.request('workspace/executeCommand', { command: docs.command!.command, arguments: docs.command!.arguments });
    const shown = await client.waitFor(() => client.shownDocuments.at(-1), 'showDocument');
    expect(shown).toMatch(/docs\/rules\/no-negcache\.md$/);
  });

  it('source.fixAll.kube-dns-tools is offered on request and its edits apply cleanly', async () => {
    const whole = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: whole,
      context: { diagnostics: [], only: ['source.fixAll.kube-dns-tools'] },
    });
    expect(actions.map((a) => a.kind)).toEqual(['source.fixAll.kube-dns-tools']);
    const fixed = applyEdits(text, editsOf(actions[0]!.edit, uri));
    expect(ruleIds(fixed)).not.toContain('no-negcache');
  });

  it('builds edits from its own text even when the client sends byte columns and a cursor range (Neovim 0.7)', async () => {
    const unicode = fixture('kube-dns-unicode.yaml');
    await client.open(unicode.uri, unicode.text);
    const diagnostics = await client.diagnosticsFor(unicode.uri, 1);
    const target = diagnostics.find((d) => d.code === 'no-negcache')!;
    const lineText = unicode.text.split('\n')[target.range.start.line]!;
    const byteColumn = Buffer.byteLength(lineText.slice(0, target.range.start.character));
    const skewed = { ...target, range: { start: { line: target.range.start.line, character: byteColumn }, end: { line: target.range.end.line, character: byteColumn + 20 } } };
    delete (skewed as { data?: unknown }).data;
    const cursor = { start: { line: target.range.start.line, character: byteColumn }, end: { line: target.range.start.line, character: byteColumn } };
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: unicode.uri },
      range: cursor,
      context: { diagnostics: [skewed] },
    });
    // log-queries is reported on the same name: its ladder comes first, then ours.
    const add = actions.find((a) => a.isPreferred && a.diagnostics?.[0]?.code === 'no-negcache')!;
    const fixed = applyEdits(unicode.text, editsOf(add.edit, unicode.uri));
    expect(ruleIds(fixed)).not.toContain('no-negcache');
    expect(fixed).toContain('"--server=127.0.0.1:10053", "--no-negcache"]');
  });

  it('sends codeDescription and data only to clients that support them (Neovim 0.7 declares neither), and still fixes', async () => {
    const bare = await LspTestClient.start({
      capabilities: { ...PLAIN_CAPABILITIES, textDocument: { ...PLAIN_CAPABILITIES.textDocument, publishDiagnostics: { relatedInformation: true } } },
    });
    try {
      await bare.open(uri, text);
      const diagnostics = await bare.diagnosticsFor(uri, 1);
      const diagnostic = diagnostics.find((d) => d.code === 'no-negcache')!;
      expect(diagnostic.source).toBe('kube-dns-tools');
      expect(diagnostics.every((d) => d.codeDescription === undefined && d.data === undefined)).toBe(true);
      const actions = await bare.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
      const add = actions.find((a) => a.isPreferred && a.diagnostics?.[0]?.code === 'no-negcache')!;
      expect(add.diagnostics![0]!.codeDescription).toBeUndefined();
      expect(ruleIds(applyEdits(text, editsOf(add.edit, uri)))).not.toContain('no-negcache');
    } finally {
      await bare.stop();
    }
  });

  it('uses plain `changes` for clients without documentChanges', async () => {
    const plain = await LspTestClient.start({
      capabilities: { ...PLAIN_CAPABILITIES, workspace: { workspaceEdit: { documentChanges: false } } },
    });
    try {
      await plain.open(uri, text);
      const diagnostic = (await plain.diagnosticsFor(uri, 1)).find((d) => d.code === 'no-negcache')!;
      const [first] = await plain.request<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: diagnostic.range,
        context: { diagnostics: [diagnostic] },
      });
      expect(first!.edit?.changes?.[uri]?.length).toBeGreaterThan(0);
      expect(first!.edit?.documentChanges).toBeUndefined();
    } finally {
      await plain.stop();
    }
  });
});

describe('fix all with overlapping edits', () => {
  // One pass drops a fix whose edit lands where another already applies (fix-all.test.ts); since fix-all runs
  // `lint --fix`'s loop, the dropped fix is taken in the next pass, as the CLI does.
  it('applies a fix whose edit lands where another already applied in the next pass, like lint --fix', async () => {
    const client = await LspTestClient.start();
    try {
      const { uri, text } = fixture('kube-dns-unicode.yaml');
      await client.open(uri, text);
      await client.diagnosticsFor(uri, 1);
      const [fixAll] = await client.request<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        context: { diagnostics: [], only: ['source.fixAll'] },
      });
      const fixed = applyEdits(text, editsOf(fixAll!.edit, uri));
      // log-queries and no-negcache both append at the end of the list: the first in one pass, the second next.
      expect(fixed).toContain('"--server=127.0.0.1#10053", "--log-queries", "--log-facility=-", "--no-negcache"]');
      const after = ruleIds(fixed);
      expect(after).not.toContain('server-syntax');
      expect(after).not.toContain('no-negcache');
    } finally {
      await client.stop();
    }
  });
});
