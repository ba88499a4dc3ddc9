import * as vscode from 'vscode';
import { CLIENT_COMMANDS } from '@kube-dns-tools/language-server/protocol';
import type { ForwarderStats } from '@kube-dns-tools/core/runtime';
import type { LocalForwarder, RunningForwarder } from './local-forwarder.js';

const POLL_MS = 1000;

/** `dnsmasq 127.0.0.1#5353 · 3 hits · 2 misses · 1 negative` */
export function statusText(listen: string, stats: ForwarderStats | undefined): string {
  if (!stats) return `$(radio-tower) dnsmasq ${listen}`;
  return `$(radio-tower) dnsmasq ${listen} · ${stats.hits} hits · ${stats.misses} misses · ${stats.negatives} negative`;
}

/** Shown while the local forwarder runs: where it listens and what its cache did; a click stops it. */
export class ForwarderStatusItem implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('kubeDnsTools.forwarder', vscode.StatusBarAlignment.Left, 10);
  private timer: NodeJS.Timeout | undefined;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly forwarder: LocalForwarder) {
    this.item.name = 'kube-dns Tools local forwarder';
    this.item.command = CLIENT_COMMANDS.stopForwarder;
    this.subscription = forwarder.onDidChange((running) => this.show(running));
  }

  private show(running: RunningForwarder | undefined): void {
    clearInterval(this.timer);
    this.timer = undefined;
    if (!running) {
      this.item.hide();
      return;
    }
    this.item.text = statusText(running.listen, undefined);
    this.item.tooltip = `Local forwarder for ${running.where}: dig @${running.listen.replace('#', ' -p ')} NAME. Click to stop.`;
    this.item.show();
    this.timer = setInterval(() => void this.poll(running), POLL_MS);
  }

  private async poll(running: RunningForwarder): Promise<void> {
    const stats = await this.forwarder.stats().catch(() => undefined);
    if (this.forwarder.running === running && stats) this.item.text = statusText(running.listen, stats);
  }

  dispose(): void {
    clearInterval(this.timer);
    this.subscription.dispose();
    this.item.dispose();
  }
}
