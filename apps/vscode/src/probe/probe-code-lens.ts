import * as vscode from 'vscode';
import { CLIENT_COMMANDS } from '@kube-dns-tools/language-server/protocol';
import { readManifest } from '@kube-dns-tools/core/manifest';
import { serverWords } from '@kube-dns-tools/core/runtime';
import { EXTENSION_COMMANDS } from '../extension-commands.js';
import type { ProbeResults } from './probe-results.js';
import { lensSummary } from './probe-view-model.js';

/** "Run locally" above each dnsmasq container; "Probe" above each --server with an address, and its last verdict. */
export class ProbeCodeLens implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly results: ProbeResults) {
    this.subscription = results.onDidChange(() => this.changed.fire());
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const text = document.getText();
    if (!text.includes('dnsmasq')) return [];
    let model;
    try {
      model = readManifest(text, { filePath: document.uri.fsPath });
    } catch {
      return [];
    }
    const lenses: vscode.CodeLens[] = [];
    for (const invocation of model.invocations) {
      const containerLine = new vscode.Range(document.positionAt(invocation.containerRange.start), document.positionAt(invocation.containerRange.start));
      lenses.push(new vscode.CodeLens(containerLine, { title: 'Run locally', command: CLIENT_COMMANDS.runForwarder, arguments: [document.uri] }));
      for (const word of serverWords(invocation)) {
        const at = new vscode.Range(document.positionAt(word.start), document.positionAt(word.start));
        lenses.push(new vscode.CodeLens(at, { title: `Probe ${word.key}`, command: EXTENSION_COMMANDS.probeServers, arguments: [[word.target]] }));
        const summary = this.results.report && lensSummary(this.results.report, word.key);
        if (summary) lenses.push(new vscode.CodeLens(at, { title: summary, command: EXTENSION_COMMANDS.showProbeResults }));
      }
    }
    return lenses;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
