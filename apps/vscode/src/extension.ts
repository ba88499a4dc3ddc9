import * as vscode from 'vscode';
import { CLIENT_COMMANDS } from '@kube-dns-tools/language-server/protocol';
import type { ProbeTarget } from '@kube-dns-tools/core/probe';
import { startClient, type RunningClient } from './language-client.js';
import { LintStatusItem } from './lint-status-item.js';
import { showRuleDocumentation } from './show-rule-documentation.js';
import { collectDiagnostics } from './collect-diagnostics.js';
import { ConsentStore } from './consent/consent-store.js';
import { vscodeConsentHost } from './consent/vscode-consent-host.js';
import { EXTENSION_COMMANDS } from './extension-commands.js';
import { CacheView } from './forwarder/cache-view.js';
import { ForwarderStatusItem } from './forwarder/forwarder-status-item.js';
import { LocalForwarder } from './forwarder/local-forwarder.js';
import { replayIncident } from './incident/replay-incident.js';
import { ProbeCodeLens } from './probe/probe-code-lens.js';
import { ProbeResults } from './probe/probe-results.js';
import { ProbeResultsView } from './probe/probe-results-view.js';
import { probeServers, probeUpstreams, runProbe } from './probe/probe-upstreams.js';
import type { ProbeRow } from './probe/probe-view-model.js';

let running: RunningClient | undefined;

/** The document a command is for: the one a code lens passed, else the active editor's. */
async function documentFor(arg: unknown): Promise<vscode.TextDocument | undefined> {
  if (arg instanceof vscode.Uri) return vscode.workspace.openTextDocument(arg);
  return vscode.window.activeTextEditor?.document;
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const log = vscode.window.createOutputChannel('kube-dns Tools', { log: true });
  context.subscriptions.push(log);
  const status = new LintStatusItem();
  context.subscriptions.push(status);

  const consent = new ConsentStore(vscodeConsentHost);
  const forwarderLog = vscode.window.createOutputChannel('kube-dns Tools: Forwarder', { log: true });
  const forwarder = new LocalForwarder(context.asAbsolutePath('dist/forwarder.js'), forwarderLog, consent);
  const cacheView = new CacheView(forwarder);
  const probeResults = new ProbeResults();
  const probeContext = { consent, results: probeResults, output: forwarderLog };
  const incidentOutput = vscode.window.createOutputChannel('kube-dns Tools: Incident Replay');
  context.subscriptions.push(
    forwarderLog,
    forwarder,
    new ForwarderStatusItem(forwarder),
    cacheView,
    probeResults,
    new ProbeResultsView(probeResults),
    incidentOutput,
  );
  const lenses = new ProbeCodeLens(probeResults);
  context.subscriptions.push(lenses, vscode.languages.registerCodeLensProvider([{ language: 'yaml' }, { language: 'json' }], lenses));

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

  const register = (command: string, what: string, run: (...args: unknown[]) => Promise<unknown>) =>
    context.subscriptions.push(vscode.commands.registerCommand(command, reporting(what, run)));

  register(CLIENT_COMMANDS.showRuleDocumentation, 'Show Rule Documentation', (ruleId) => showRuleDocumentation(running?.client, ruleId));
  register(CLIENT_COMMANDS.collectDiagnostics, 'Collect Diagnostics', () => collectDiagnostics(context, running?.client, log));
  register(CLIENT_COMMANDS.restartServer, 'Restart Language Server', async () => {
    log.info('restarting the language server');
    await running?.client.stop();
    await start();
  });
  register(CLIENT_COMMANDS.runForwarder, 'Run Local Forwarder', async (uri) => forwarder.start(await documentFor(uri)));
  register(CLIENT_COMMANDS.stopForwarder, 'Stop Local Forwarder', () => forwarder.stop());
  register(CLIENT_COMMANDS.probeUpstreams, 'Probe Upstreams', () => probeUpstreams(probeContext, vscode.window.activeTextEditor?.document));
  register(EXTENSION_COMMANDS.probeServers, 'Probe', (servers) => probeServers(probeContext, servers as ProbeTarget[]));
  register(EXTENSION_COMMANDS.rerunProbe, 'Re-run Probe', async () => {
    if (!probeResults.options) throw new Error('nothing probed yet');
    return runProbe(probeContext, probeResults.options);
  });
  register(EXTENSION_COMMANDS.copyAsDig, 'Copy as dig', async (node) => {
    const row = (node as { row?: ProbeRow } | undefined)?.row;
    if (!row) throw new Error('pick a probe result row');
    await vscode.env.clipboard.writeText(row.dig);
    return row.dig;
  });
  register(EXTENSION_COMMANDS.showProbeResults, 'Show Probe Results', () => Promise.resolve(vscode.commands.executeCommand('kubeDnsTools.probeResults.focus')));
  register(EXTENSION_COMMANDS.showCache, 'Show Cache', async () => {
    await vscode.commands.executeCommand('kubeDnsTools.cache.focus');
    await cacheView.refresh();
  });
  register(EXTENSION_COMMANDS.flushCache, 'Flush Cache', () => cacheView.flush());
  register(EXTENSION_COMMANDS.refreshCache, 'Refresh Cache', () => cacheView.refresh());
  register(EXTENSION_COMMANDS.replayIncident, 'Replay the Incident', () => replayIncident(context.asAbsolutePath('dist/incident.js'), incidentOutput));
  context.subscriptions.push({ dispose: () => void running?.client.stop() });

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
