import * as vscode from 'vscode';
import type { LintStatusParams } from '@kube-dns-tools/language-server/protocol';
import { CLIENT_COMMANDS, SETTINGS_SECTION } from '@kube-dns-tools/language-server/protocol';
import { DOCUMENT_SELECTOR } from './document-selector.js';

/** The `{}` language status item of YAML/JSON editors: linting on, dnsmasq containers found, last lint. */
export class LintStatusItem implements vscode.Disposable {
  private readonly item = vscode.languages.createLanguageStatusItem('kubeDnsTools.status', DOCUMENT_SELECTOR);
  private readonly byUri = new Map<string, LintStatusParams>();
  private readonly subscriptions = [
    vscode.window.onDidChangeActiveTextEditor(() => this.render()),
    vscode.workspace.onDidChangeConfiguration((event) => event.affectsConfiguration(SETTINGS_SECTION) && this.render()),
  ];

  constructor() {
    this.item.name = 'kube-dns Tools';
    this.item.command = { title: 'Collect Diagnostics', command: CLIENT_COMMANDS.collectDiagnostics };
    this.render();
  }

  update(params: LintStatusParams): void {
    this.byUri.set(params.uri, params);
    this.render();
  }

  private render(): void {
    const enabled = vscode.workspace.getConfiguration(SETTINGS_SECTION).get<boolean>('enable') !== false;
    const uri = vscode.window.activeTextEditor?.document.uri.toString();
    const status = uri ? this.byUri.get(uri) : undefined;
    if (!enabled || !status) {
      this.item.text = `kube-dns Tools: linting ${enabled ? 'on' : 'off'}`;
      this.item.detail = enabled ? 'no lint of this file yet' : 'kubeDnsTools.enable is false';
      this.item.severity = vscode.LanguageStatusSeverity.Information;
      return;
    }
    const found = status.invocations + status.configMaps;
    const containers = `${status.invocations} dnsmasq container${status.invocations === 1 ? '' : 's'}`;
    const configMaps = status.configMaps ? `, ${status.configMaps} kube-dns ConfigMap${status.configMaps === 1 ? '' : 's'}` : '';
    this.item.text = found ? `kube-dns Tools: ${containers}${configMaps}` : 'kube-dns Tools: no dnsmasq here';
    const at = new Date(status.finishedAt).toLocaleTimeString();
    this.item.detail = `linting on; last lint ${at} in ${status.durationMs} ms, ${status.findings} finding${status.findings === 1 ? '' : 's'}`;
    this.item.severity = status.durationMs > 1000 ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.item.dispose();
  }
}
