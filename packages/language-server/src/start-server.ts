import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DocumentDiagnosticReportKind,
  TextDocumentSyncKind,
  TextDocuments,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import packageJson from '../package.json' with { type: 'json' };
import { readClientSupport, type ClientSupport } from './client-support.js';
import { codeActions, fixAllEdit, wantsFixAll, type CodeActionOptions, type FixAllData } from './code-actions.js';
import { completionsAt } from './completion.js';
import { outcomeDiagnostics } from './diagnostics.js';
import { DocumentLinter, type LintSnapshot } from './document-linter.js';
import { ErrorLog } from './error-log.js';
import { createServerConnection } from './server-connection.js';
import { filePathOf } from './file-path.js';
import { hoverAt } from './hover.js';
import { corefileCompletionsAt, corefileHoverAt } from './corefile-language.js';
import { LintPool } from './lint-pool.js';
import { forgetManifestView, manifestView } from './manifest-view.js';
import {
  DIAGNOSTIC_SOURCE,
  FIX_ALL_KIND,
  LINT_STATUS_NOTIFICATION,
  SERVER_COMMANDS,
  RULES_REQUEST,
  SERVER_INFO_REQUEST,
  SERVER_NAME,
  SETTINGS_SECTION,
  type LintStatusParams,
  type ServerInfo,
} from './protocol.js';
import { RepoRules } from './repo-rules.js';
import { ALL_RULES, SUPPRESSIBLE_RULES } from './rule-catalog.js';
import { DEFAULT_SETTINGS, normaliseSettings, type EffectiveSettings } from './settings.js';

/** Starts the language server on the transport named on the command line (--stdio, --node-ipc, --socket=N). */
export function startServer(workerScript: string): Connection {
  const { connection, noteShutdown } = createServerConnection();
  const documents = new TextDocuments(TextDocument);
  const log = (message: string) => connection.console.log(message);
  const errors = new ErrorLog((message) => connection.console.error(message));
  const logError = errors.error;
  const guard = errors.guard.bind(errors);
  let settings: EffectiveSettings = DEFAULT_SETTINGS;
  let support: ClientSupport | undefined;
  const repoRules = new RepoRules(logError);
  const pool = new LintPool(workerScript, logError);

  const linter = new DocumentLinter(pool, {
    document: (uri) => documents.get(uri),
    settings: () => settings,
    fileRules: (filePath) => repoRules.rulesFor(filePath),
    fileCorednsVersion: (filePath) => repoRules.corednsVersionFor(filePath),
    filePath: filePathOf,
    log: logError,
    onLinted: (snapshot) => published(snapshot),
  });

  function published(snapshot: LintSnapshot): void {
    const { outcome } = snapshot;
    if (!support?.pullDiagnostics) {
      void connection.sendDiagnostics({
        uri: snapshot.uri,
        version: snapshot.version,
        diagnostics: outcomeDiagnostics(outcome, support?.diagnosticShape),
      });
    }
    const status: LintStatusParams = {
      uri: snapshot.uri,
      version: snapshot.version,
      invocations: outcome.invocations,
      configMaps: outcome.configMaps,
      findings: outcome.findings.length,
      durationMs: Math.round(outcome.durationMs * 10) / 10,
      finishedAt: new Date().toISOString(),
    };
    void connection.sendNotification(LINT_STATUS_NOTIFICATION, status);
  }

  async function reloadSettings(pushed?: unknown): Promise<void> {
    let raw: unknown = pushed;
    if (support?.configuration) {
      try {
        raw = await connection.workspace.getConfiguration(SETTINGS_SECTION);
      } catch (error) {
        logError(`workspace/configuration failed: ${String(error)}`);
      }
    }
    if (raw !== undefined) settings = normaliseSettings(raw);
    repoRules.clear();
    linter.invalidateAll();
    if (support?.pullDiagnostics && support.diagnosticRefresh) void connection.languages.diagnostics.refresh();
  }

  connection.onInitialize((params): InitializeResult => {
    support = readClientSupport(params.capabilities, params.initializationOptions);
    const init = params.initializationOptions as { settings?: unknown } | null | undefined;
    if (init?.settings !== undefined) settings = normaliseSettings(init.settings);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        codeActionProvider: {
          codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND],
          ...(support.codeActionResolve ? { resolveProvider: true } : {}),
        },
        hoverProvider: true,
        completionProvider: { triggerCharacters: ['-', ' ', ','], resolveProvider: false },
        executeCommandProvider: { commands: Object.values(SERVER_COMMANDS) },
        ...(support.pullDiagnostics
          ? { diagnosticProvider: { identifier: DIAGNOSTIC_SOURCE, interFileDependencies: false, workspaceDiagnostics: false } }
          : {}),
      },
      serverInfo: { name: SERVER_NAME, version: packageJson.version },
    };
  });

  connection.onInitialized(() => {
    if (support?.didChangeConfigurationDynamic) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION });
    }
    if (support?.configuration) void reloadSettings();
  });

  connection.onDidChangeConfiguration(
    guard('didChangeConfiguration', undefined, async (params) => {
      const pushed = (params.settings as Record<string, unknown> | null | undefined)?.[SETTINGS_SECTION];
      await reloadSettings(pushed);
    }),
  );

  documents.onDidOpen((event) => linter.schedule(event.document.uri, 0));
  documents.onDidChangeContent((event) => linter.schedule(event.document.uri));
  documents.onDidClose((event) => {
    linter.forget(event.document.uri);
    forgetManifestView(event.document.uri);
    if (!support?.pullDiagnostics) void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
  });

  connection.languages.diagnostics.on(
    guard('textDocument/diagnostic', { kind: DocumentDiagnosticReportKind.Full, items: [] } as const, async (params) => {
      const uri = params.textDocument.uri;
      await linter.afterDebounce(uri);
      const snapshot = await linter.current(uri);
      const items = snapshot ? outcomeDiagnostics(snapshot.outcome, support?.diagnosticShape) : [];
      return { kind: DocumentDiagnosticReportKind.Full, items };
    }),
  );

  connection.onCodeAction(
    guard('textDocument/codeAction', [], async (params) => {
      const document = documents.get(params.textDocument.uri);
      if (!document) return [];
      const snapshot = await linter.current(document.uri);
      if (!snapshot) return [];
      // The lightbulb's request (no `only`) leaves the fix-all edit to codeAction/resolve when the client can: it
      // costs `lint --fix`'s loop in the worker. A request for source.fixAll (on save) gets it at once.
      const resolveFixAll = (support?.codeActionResolve ?? false) && !params.context.only?.length;
      const fixedText = wantsFixAll(snapshot, params) && !resolveFixAll ? await linter.fixedText(snapshot) : undefined;
      return codeActions(snapshot, params, codeActionOptions(document.languageId, resolveFixAll), fixedText);
    }),
  );

  connection.onCodeActionResolve(async (action) => {
    try {
      const data = action.data as Partial<FixAllData> | undefined;
      const document = data?.uri === undefined ? undefined : documents.get(data.uri);
      if (action.kind !== FIX_ALL_KIND || !document || document.version !== data?.version) return action;
      const snapshot = await linter.current(document.uri);
      if (!snapshot || snapshot.version !== data.version) return action;
      return { ...action, edit: fixAllEdit(snapshot, codeActionOptions(document.languageId, false), await linter.fixedText(snapshot)) };
    } catch (error) {
      logError(`codeAction/resolve failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return action;
    }
  });

  function codeActionOptions(languageId: string, resolveFixAll: boolean): CodeActionOptions {
    return { languageId, documentChanges: support?.documentChanges ?? false, resolveFixAll, diagnosticShape: support?.diagnosticShape };
  }

  connection.onHover(
    guard('textDocument/hover', null, (params) => {
      const document = documents.get(params.textDocument.uri);
      if (!document) return null;
      const offset = document.offsetAt(params.position);
      const corefileHover = corefileHoverAt(document, filePathOf(document.uri), offset);
      if (corefileHover) return corefileHover;
      const view = manifestView(document.uri, document.version, document.getText(), filePathOf(document.uri), offset);
      return hoverAt(document, view, offset);
    }),
  );

  connection.onCompletion(
    guard('textDocument/completion', [], (params) => {
      const document = documents.get(params.textDocument.uri);
      if (!document) return [];
      const corefileItems = corefileCompletionsAt(document, filePathOf(document.uri), params.position);
      if (corefileItems) return corefileItems;
      return completionsAt({
        document,
        position: params.position,
        view: () => manifestView(document.uri, document.version, document.getText(), filePathOf(document.uri), document.offsetAt(params.position)),
        rules: SUPPRESSIBLE_RULES,
        snippets: support?.snippets ?? false,
      });
    }),
  );

  connection.onExecuteCommand(
    guard('workspace/executeCommand', null, async (params) => {
      if (params.command !== SERVER_COMMANDS.showRuleDocs) return null;
      const [ruleId, docsUrl] = (params.arguments ?? []) as [unknown, unknown];
      if (typeof docsUrl !== 'string' || !/^https?:\/\//.test(docsUrl)) return null;
      if (support?.showDocument) await connection.window.showDocument({ uri: docsUrl, external: true });
      else void connection.window.showInformationMessage(`Documentation for ${String(ruleId)}: ${docsUrl}`);
      return null;
    }),
  );

  connection.onRequest(
    SERVER_INFO_REQUEST,
    guard('serverInfo', undefined, (): ServerInfo => ({
      name: SERVER_NAME,
      version: packageJson.version,
      node: process.version,
      pid: process.pid,
      transport: process.argv.slice(2).join(' '),
      pullDiagnostics: support?.pullDiagnostics ?? false,
      settings,
      openDocuments: documents.all().map((document) => {
        const latest = linter.latest(document.uri);
        return {
          uri: document.uri,
          version: document.version,
          invocations: latest?.outcome.invocations ?? 0,
          findings: latest?.outcome.findings.length ?? 0,
        };
      }),
      lints: linter.lints,
      lastLintMs: linter.lastLintMs,
      recentErrors: [...errors.recent],
    })),
  );

  connection.onRequest(RULES_REQUEST, () => ALL_RULES);

  connection.onDidChangeWatchedFiles(() => {
    repoRules.clear();
    linter.invalidateAll();
  });

  connection.onShutdown(async () => {
    noteShutdown();
    await pool.dispose();
  });

  documents.listen(connection);
  connection.listen();
  log(`${SERVER_NAME} ${packageJson.version} on node ${process.version}`);
  return connection;
}
