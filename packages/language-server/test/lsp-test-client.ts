import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
} from 'vscode-jsonrpc/node';
import type {
  ClientCapabilities,
  Diagnostic,
  InitializeResult,
  PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol';

export const SERVER = fileURLToPath(new URL('../dist/server.cjs', import.meta.url));

/** Capabilities of a plain client: push diagnostics only, like Neovim 0.7. */
export const PLAIN_CAPABILITIES: ClientCapabilities = {
  workspace: { workspaceEdit: { documentChanges: true }, configuration: false },
  textDocument: {
    synchronization: { didSave: false },
    publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
    completion: { completionItem: { snippetSupport: true } },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } } },
  },
  window: { showDocument: { support: true } },
};

export interface ClientOptions {
  capabilities?: ClientCapabilities;
  initializationOptions?: unknown;
  /** Answers `workspace/configuration` items. */
  configuration?: (section: string | undefined) => unknown;
}

/** A real LSP client over the server's stdio: JSON-RPC framing, no in-process calls. */
export class LspTestClient {
  readonly diagnostics = new Map<string, PublishDiagnosticsParams[]>();
  readonly shownDocuments: string[] = [];
  readonly stderr: string[] = [];
  /** `window/logMessage` texts. */
  readonly logs: string[] = [];
  readonly statuses: unknown[] = [];
  initializeResult!: InitializeResult;
  private readonly listeners = new Set<() => void>();
  private versions = new Map<string, number>();

  private constructor(
    readonly process: ChildProcessWithoutNullStreams,
    readonly connection: MessageConnection,
  ) {}

  static async start(options: ClientOptions = {}): Promise<LspTestClient> {
    const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: 'pipe' });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const client = new LspTestClient(child, connection);
    child.stderr.on('data', (chunk: Buffer) => client.stderr.push(chunk.toString()));
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      const list = client.diagnostics.get(params.uri) ?? [];
      list.push(params);
      client.diagnostics.set(params.uri, list);
      client.notify();
    });
    connection.onNotification('kubeDnsTools/lintStatus', (params: unknown) => {
      client.statuses.push(params);
      client.notify();
    });
    connection.onNotification('window/logMessage', (params: { message: string }) => {
      client.logs.push(params.message);
      client.notify();
    });
    connection.onRequest('window/showDocument', (params: { uri: string }) => {
      client.shownDocuments.push(params.uri);
      client.notify();
      return { success: true };
    });
    connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) =>
      params.items.map((item) => options.configuration?.(item.section) ?? null),
    );
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('workspace/diagnostic/refresh', () => null);
    connection.listen();
    client.initializeResult = await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: options.capabilities ?? PLAIN_CAPABILITIES,
      initializationOptions: options.initializationOptions,
    });
    await connection.sendNotification('initialized', {});
    return client;
  }

  private notify(): void {
    for (const listener of [...this.listeners]) listener();
  }

  /** Resolves when `check()` returns a value other than undefined; fails after `timeoutMs`. */
  waitFor<T>(check: () => T | undefined, what: string, timeoutMs = 15_000): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const attempt = () => {
        const value = check();
        if (value === undefined) return false;
        this.listeners.delete(attempt);
        clearTimeout(timer);
        resolve(value);
        return true;
      };
      const timer = setTimeout(() => {
        this.listeners.delete(attempt);
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; server stderr:\n${this.stderr.join('')}`));
      }, timeoutMs);
      if (!attempt()) this.listeners.add(attempt);
    });
  }

  /** The first publish for `uri` at `version` or later. */
  diagnosticsFor(uri: string, version = this.versions.get(uri) ?? 0, timeoutMs?: number): Promise<Diagnostic[]> {
    return this.waitFor(
      () => this.diagnostics.get(uri)?.find((p) => (p.version ?? 0) >= version)?.diagnostics,
      `diagnostics of ${uri} v${version}`,
      timeoutMs,
    );
  }

  async open(uri: string, text: string, languageId = 'yaml'): Promise<void> {
    this.versions.set(uri, 1);
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  }

  /** Replaces the whole text; returns the new version. */
  async replace(uri: string, text: string): Promise<number> {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    return version;
  }

  async edit(uri: string, change: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string }): Promise<number> {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
    return version;
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  async stop(): Promise<void> {
    const exited = new Promise<void>((resolve) => {
      if (this.process.exitCode !== null) resolve();
      else this.process.once('exit', () => resolve());
    });
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 3000))]);
      await this.connection.sendNotification('exit');
    } catch {
      // the server may already be gone
    }
    const timer = setTimeout(() => this.process.kill('SIGKILL'), 3000);
    await exited;
    clearTimeout(timer);
    this.connection.dispose();
  }
}
