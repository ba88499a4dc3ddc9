import * as vscode from 'vscode';
import type { ProbeOptions, ProbeReport } from '@kube-dns-tools/core/dns/probe';
import type { ProbeResult } from '@kube-dns-tools/core/dns/probe-query';
import { attemptKey } from './probe-view-model.js';

/** The last probe: its report, every attempt in order, and how to run it again. Views and lenses follow it. */
export class ProbeResults implements vscode.Disposable {
  report: ProbeReport | undefined;
  readonly attempts = new Map<string, ProbeResult[]>();
  options: ProbeOptions | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  begin(options: ProbeOptions): void {
    this.options = options;
    this.report = undefined;
    this.attempts.clear();
    this.changed.fire();
  }

  attempt(server: string, name: string, result: ProbeResult): void {
    const key = attemptKey(server, name);
    const list = this.attempts.get(key) ?? [];
    list.push(result);
    this.attempts.set(key, list);
  }

  finish(report: ProbeReport): void {
    this.report = report;
    this.changed.fire();
  }

  dispose(): void {
    this.changed.dispose();
  }
}
