import * as vscode from 'vscode';
import { CLIENT_COMMANDS } from '@kube-dns-tools/language-server/protocol';
import { startClient, type RunningClient } from './language-client.js';
import { LintStatusItem } from './lint-status-item.js';
import { showRuleDocumentation } from './show-rule-documentation.js';
import { collectDiagnostics } from './collect-diagnostics.js';
import { LocalForwarder } from './forwarder/local-forwarder.js';
import { probeUpstreams } from './forwarder/probe-upstreams.js';

let running: RunningClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const log = vscode.window.createOutputChannel('kube-dns Tools', { log: true });
  context.subscriptions.push(log);
  const status = new LintStatusItem();
  context.subscriptions.push(status);

  const forwarderOutput = vscode.window.createOutputChannel('kube-dns Tools: Forwarder');
  const forwarder = new LocalForwarder(context.asAbsolutePath('dist/forwarder.js'), forwarderOutput);
  context.subscriptions.push(forwarderOutput, forwarder);
  /** Command failures become an error message naming what went wrong, never an exception in the host. */
  const reporting =
    (what: string, run: (...args: unknown[]) => Promise<unknown>) =>
    async (...args: unknown[]): Promise<unknown> => {
      try {
        return await run(...args);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        log.error(`${what}: ${message}`);
        void vscode.window.showErrorMessage(`kube-dns Tools: ${what}: ${message}`);
        return undefined;
      }
    };

  const start = async () => {
    running = await startClient(context, log, status);
  };

  context.subscriptions.push(
    vscode.commands.registerCommand(
      CLIENT_COMMANDS.showRuleDocumentation,
      reporting('Show Rule Documentation', (ruleId) => showRuleDocumentation(running?.client, ruleId)),
    ),
    vscode.commands.registerCommand(
      CLIENT_COMMANDS.collectDiagnostics,
      reporting('Collect Diagnostics', () => collectDiagnostics(context, running?.client, log)),
    ),
    vscode.commands.registerCommand(
      CLIENT_COMMANDS.restartServer,
      reporting('Restart Language Server', async () => {
        log.info('restarting the language server');
        await running?.client.stop();
        await start();
      }),
    ),
    vscode.commands.registerCommand(
      CLIENT_COMMANDS.runForwarder,
      reporting('Run Local Forwarder', () => forwarder.start(vscode.window.activeTextEditor?.document)),
    ),
    vscode.commands.registerCommand(CLIENT_COMMANDS.stopForwarder, reporting('Stop Local Forwarder', () => forwarder.stop())),
    vscode.commands.registerCommand(
      CLIENT_COMMANDS.probeUpstreams,
      reporting('Probe Upstreams', () => probeUpstreams(vscode.window.activeTextEditor?.document, forwarderOutput)),
    ),
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
