import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import {
  LINT_STATUS_NOTIFICATION,
  SETTINGS_SECTION,
  type LintStatusParams,
} from '@kube-dns-tools/language-server/protocol';
import { DOCUMENT_SELECTOR } from './document-selector.js';
import type { LintStatusItem } from './lint-status-item.js';

export interface RunningClient {
  readonly client: LanguageClient;
}

/** Starts the bundled server (dist/server.js) over node IPC; `--inspect=6009` in a debug session. */
export async function startClient(
  context: vscode.ExtensionContext,
  log: vscode.LogOutputChannel,
  status: LintStatusItem,
): Promise<RunningClient> {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    outputChannel: log,
    synchronize: {
      configurationSection: SETTINGS_SECTION,
      fileEvents: vscode.workspace.createFileSystemWatcher('**/.kube-dns-tools.{yaml,yml}'),
    },
    initializationOptions: { settings: vscode.workspace.getConfiguration(SETTINGS_SECTION) },
  };
  const client = new LanguageClient(SETTINGS_SECTION, 'kube-dns Tools language server', serverOptions, clientOptions);
  client.onNotification(LINT_STATUS_NOTIFICATION, (params: LintStatusParams) => status.update(params));
  await client.start();
  log.info(`language server started (${module})`);
  return { client };
}
