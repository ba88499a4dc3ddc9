import * as vscode from 'vscode';
import type { ProbeResults } from './probe-results.js';
import { LEGEND, probeRows, type ProbeRow } from './probe-view-model.js';

type Node = { kind: 'row'; row: ProbeRow } | { kind: 'link'; text: string; last: boolean };

const VERDICT_ICONS = { healthy: 'pass', flaky: 'warning', down: 'error' } as const;

/** The probe results view: a row per upstream and name, the attempts as a strip, the CNAME chain below. */
export class ProbeResultsView implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  readonly view: vscode.TreeView<Node>;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly results: ProbeResults) {
    this.view = vscode.window.createTreeView('kubeDnsTools.probeResults', { treeDataProvider: this });
    this.view.message = 'Probe the upstreams of a manifest: the "Probe" code lens above a --server, or "kube-dns Tools: Probe Upstreams".';
    this.subscription = results.onDidChange(() => {
      this.view.message = results.report ? LEGEND : results.options ? 'Probing…' : this.view.message;
      this.changed.fire();
    });
  }

  getChildren(node?: Node): Node[] {
    if (!node) {
      const report = this.results.report;
      if (!report) return [];
      return probeRows(report, this.results.attempts, this.results.options?.type ?? 'A').map((row) => ({ kind: 'row', row }));
    }
    if (node.kind !== 'row') return [];
    return node.row.chain.map((text, i) => ({ kind: 'link', text, last: i === node.row.chain.length - 1 }));
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'link') {
      const item = new vscode.TreeItem(node.text);
      item.iconPath = new vscode.ThemeIcon(node.last ? 'symbol-constant' : 'arrow-down');
      return item;
    }
    const { row } = node;
    const item = new vscode.TreeItem(`${row.server} ${row.strip}`, row.chain.length > 1 ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    item.description = `${row.verdict} · ${row.name} · ${row.counts} · p50 ${row.p50} ms · p95 ${row.p95} ms`;
    item.iconPath = new vscode.ThemeIcon(VERDICT_ICONS[row.verdict]);
    item.tooltip = `${row.server} asked ${row.name}: ${row.verdict}\n${row.counts}\nattempts in order: ${row.strip}\n${LEGEND}\n${row.dig}`;
    item.contextValue = 'probeRow';
    return item;
  }

  dispose(): void {
    this.subscription.dispose();
    this.view.dispose();
    this.changed.dispose();
  }
}
