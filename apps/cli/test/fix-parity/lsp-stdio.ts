import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';

interface Position {
  line: number;
  character: number;
}
export interface LspTextEdit {
  range: { start: Position; end: Position };
  newText: string;
}

/** The language server as an editor runs it: its bundle over stdio, JSON-RPC framing, nothing in-process. */
export class LspStdio {
  private constructor(
    private readonly child: ChildProcessWithoutNullStreams,
    readonly connection: MessageConnection,
    private readonly published: Map<string, number>,
  ) {}

  static async start(serverScript: string): Promise<LspStdio> {
    const child = spawn(process.execPath, [serverScript, '--stdio'], { stdio: 'pipe' });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const published = new Map<string, number>();
    connection.onNotification('textDocument/publishDiagnostics', (params: { uri: string }) => {
      published.set(params.uri, (published.get(params.uri) ?? 0) + 1);
    });
    connection.onNotification('window/logMessage', () => undefined);
    connection.onNotification('kubeDnsTools/lintStatus', () => undefined);
    connection.listen();
    await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: {
        workspace: { workspaceEdit: { documentChanges: false }, configuration: false },
        textDocument: {
          publishDiagnostics: { versionSupport: true, dataSupport: true },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } } },
        },
      },
    });
    await connection.sendNotification('initialized', {});
    return new LspStdio(child, connection, published);
  }

  /** Opens the document, asks for `source.fixAll` as an editor does on save, and closes it again. */
  async fixAllEdits(uri: string, text: string, languageId: string): Promise<LspTextEdit[]> {
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    const actions = (await this.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    })) as { kind?: string; edit?: { changes?: Record<string, LspTextEdit[]> } }[];
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    const fixAll = actions.filter((action) => action.kind?.startsWith('source.fixAll'));
    if (fixAll.length > 1) throw new Error(`${uri}: ${fixAll.length} fix-all actions`);
    return fixAll[0]?.edit?.changes?.[uri] ?? [];
  }

  async stop(): Promise<void> {
    await this.connection.sendRequest('shutdown');
    await this.connection.sendNotification('exit');
    this.connection.dispose();
    if (this.child.exitCode === null) await new Promise((resolve) => this.child.once('exit', resolve));
  }
}

/** Applies LSP edits as an editor does: positions in UTF-16 units on lines ended by \n, \r\n or \r. */
export function applyLspEdits(text: string, edits: readonly LspTextEdit[]): string {
  const starts = [0];
  for (const match of text.matchAll(/\r\n|\r|\n/g)) starts.push(match.index + match[0].length);
  const offset = (p: Position) => Math.min(p.line < starts.length ? starts[p.line]! + p.character : text.length, text.length);
  const sorted = edits.map((e) => ({ start: offset(e.range.start), end: offset(e.range.end), newText: e.newText })).sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const e of sorted) {
    if (e.start < at) throw new Error('overlapping edits');
    out += text.slice(at, e.start) + e.newText;
    at = e.end;
  }
  return out + text.slice(at);
}
