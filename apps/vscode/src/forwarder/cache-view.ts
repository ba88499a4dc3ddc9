import * as vscode from 'vscode';
import type { CacheEntry, ForwarderStats, UpstreamStats } from '@kube-dns-tools/core/runtime';
import type { LocalForwarder } from './local-forwarder.js';

const POLL_MS = 2000;

type Node =
  | { kind: 'group'; label: string; children: Node[] }
  | { kind: 'entry'; entry: CacheEntry }
  | ({ kind: 'upstream' } & UpstreamStats);

const NEGATIVE = { nodata: 'NODATA', nxdomain: 'NXDOMAIN' } as const;

export function entryDescription(entry: CacheEntry): string {
  const what = entry.kind === 'positive' ? entry.data : `negative: ${NEGATIVE[entry.kind]}`;
  return `${entry.type} ${what} · ${entry.ttl > 0 ? `${entry.ttl} s left` : 'expired (stale)'}`;
}

/** The counters after `server ADDR#PORT:` in dnsmasq's SIGUSR1 dump wording. */
export function upstreamDescription(u: UpstreamStats): string {
  return `queries sent ${u.queries}, retried or failed ${u.failed}, nxdomain replies ${u.nxdomain}, avg. latency ${u.latencyMs}ms`;
}

/** The Cache view: the running forwarder's cache entries and, as dnsmasq's SIGUSR1 dump, its per-upstream counters. */
export class CacheView implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly view: vscode.TreeView<Node>;
  private roots: Node[] = [];
  private timer: NodeJS.Timeout | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly forwarder: LocalForwarder) {
    this.view = vscode.window.createTreeView('kubeDnsTools.cache', { treeDataProvider: this });
    this.view.message = 'The local forwarder is not running.';
    this.subscriptions.push(
      this.view,
      forwarder.onDidChange(() => void this.refresh()),
      this.view.onDidChangeVisibility(() => this.schedule()),
    );
  }

  private schedule(): void {
    clearInterval(this.timer);
    this.timer = this.view.visible && this.forwarder.running ? setInterval(() => void this.refresh(), POLL_MS) : undefined;
  }

  async refresh(): Promise<void> {
    this.schedule();
    const running = this.forwarder.running;
    const dump = running ? await this.forwarder.cache().catch(() => undefined) : undefined;
    this.roots = dump ? this.nodes(dump.entries, dump.stats) : [];
    this.view.message = running ? (dump ? `${running.listen}: ${dump.stats.entries} entries, ${dump.stats.negatives} negative` : undefined) : 'The local forwarder is not running.';
    this.changed.fire();
  }

  async flush(): Promise<void> {
    if (!(await this.forwarder.flush())) throw new Error('the local forwarder is not running');
    await this.refresh();
  }

  private nodes(entries: CacheEntry[], stats: ForwarderStats): Node[] {
    return [
      { kind: 'group', label: `Entries (${entries.length})`, children: entries.map((entry) => ({ kind: 'entry', entry })) },
      { kind: 'group', label: 'Upstreams', children: stats.upstreams.map((u) => ({ kind: 'upstream', ...u })) },
    ];
  }

  getChildren(node?: Node): Node[] {
    return node ? (node.kind === 'group' ? node.children : []) : this.roots;
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'group') return new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Expanded);
    if (node.kind === 'upstream') {
      const item = new vscode.TreeItem(`server ${node.server}`);
      item.description = upstreamDescription(node);
      item.iconPath = new vscode.ThemeIcon('server');
      return item;
    }
    const { entry } = node;
    const item = new vscode.TreeItem(entry.name);
    item.description = entryDescription(entry);
    item.iconPath = new vscode.ThemeIcon(entry.kind === 'positive' ? 'pass' : 'circle-slash');
    item.contextValue = entry.kind === 'positive' ? 'cacheEntry' : 'negativeCacheEntry';
    item.tooltip = `${entry.name} ${entry.type}: ${entry.kind === 'positive' ? entry.data : `cached negative answer (${NEGATIVE[entry.kind]})`}, ${entry.ttl} s left`;
    return item;
  }

  dispose(): void {
    clearInterval(this.timer);
    for (const s of this.subscriptions) s.dispose();
    this.changed.dispose();
  }
}
