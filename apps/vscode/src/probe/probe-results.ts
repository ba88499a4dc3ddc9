import * as vscode from 'vscode';
import type { ProbeOptions, ProbeReport, ProbeResult, UpstreamReport } from '@kube-dns-tools/core/probe';
import { formatTarget } from '@kube-dns-tools/core/probe';
import { attemptKey } from './probe-view-model.js';

/**
 * What the probes of this window found, per server: a new probe of a server replaces its results and keeps the
 * others', so lenses probed one by one add up in the view. Views and lenses follow it.
 */
export class ProbeResults implements vscode.Disposable {
  private readonly upstreams = new Map<string, UpstreamReport>();
  readonly attempts = new Map<string, ProbeResult[]>();
  /** The last probe's options, for "Re-run". */
  options: ProbeOptions | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  get report(): ProbeReport | undefined {
    return this.upstreams.size > 0 ? { upstreams: [...this.upstreams.values()] } : undefined;
  }

  begin(options: ProbeOptions): void {
    this.options = options;
    for (const server of options.servers.map(formatTarget)) {
      this.upstreams.delete(server);
      for (const key of [...this.attempts.keys()]) if (key.startsWith(`${server} `)) this.attempts.delete(key);
    }
  }

  attempt(server: string, name: string, result: ProbeResult): void {
    const key = attemptKey(server, name);
    const list = this.attempts.get(key) ?? [];
    list.push(result);
    this.attempts.set(key, list);
  }

  finish(report: ProbeReport): void {
    for (const upstream of report.upstreams) this.upstreams.set(upstream.server, upstream);
    this.changed.fire();
    // Seen in VS Code 1.139: code lenses asked to refresh right after a modal dialog closed kept their old titles
    // until the next edit; a second refresh a moment later shows the verdict.
    this.refreshLater = setTimeout(() => this.changed.fire(), 750);
  }

  private refreshLater: NodeJS.Timeout | undefined;

  dispose(): void {
    clearTimeout(this.refreshLater);
    this.changed.dispose();
  }
}
