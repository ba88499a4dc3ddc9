import * as vscode from 'vscode';
import { CLIENT_COMMANDS } from '@kube-dns-tools/language-server/protocol';
import { startClient, type RunningClient } from './language-client.js';
import { LintStatusItem } from './lint-status-item.js';
import { showRuleDocumentation } from './show-rule-documentation.js';
import { collectDiagnostics } from './collect-diagnostics.js';

let running: RunningClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const log = vscode.window.createOutputChannel('kube-dns Tools', { log: true });
  context.subscriptions.push(log);
  const status = new LintStatusItem();
  context.subscriptions.push(status);

  const start = async () => {
    running = await startClient(context, log, status);
  };

  context.subscriptions.push(
    vscode.commands.registerCommand(CLIENT_COMMANDS.showRuleDocumentation, (ruleId?: unknown) =>
      showRuleDocumentation(running?.client, ruleId),
    ),
    vscode.commands.registerCommand(CLIENT_COMMANDS.collectDiagnostics, () => collectDiagnostics(context, running?.client, log)),
    vscode.commands.registerCommand(CLIENT_COMMANDS.restartServer, async () => {
      log.info('restarting the language server');
      await running?.client.stop();
      await start();
    }),
    { dispose: () => void running?.client.stop() },
  );

  try {
    await start();
  } catch (error) {
    log.error(`the language server did not start: ${error instanceof Error ? error.message : String(error)}`);
    void vscode.window.showErrorMessage('kube-dns Tools: the language server did not start; see the "kube-dns Tools" output.');
  }
}

export async function deactivate(): Promise<void> {
  await running?.client.stop();
  running = undefined;
}
