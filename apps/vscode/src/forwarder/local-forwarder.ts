import { fork, type ChildProcess } from 'node:child_process';
import * as vscode from 'vscode';
import { CLIENT_COMMANDS, SETTINGS_SECTION } from '@kube-dns-tools/language-server/protocol';
import type { ForwarderRequest } from './forwarder-process.js';
import { manifestArgv } from './manifest-argv.js';

export interface ForwarderSettings {
  port: number;
  upstreams: string[];
}

export function forwarderSettings(): ForwarderSettings {
  const config = vscode.workspace.getConfiguration(SETTINGS_SECTION);
  const upstreams = config.get<unknown>('forwarder.upstreams');
  return {
    port: config.get<number>('forwarder.port') ?? 5353,
    upstreams: Array.isArray(upstreams) ? upstreams.filter((u): u is string => typeof u === 'string') : [],
  };
}

/**
 * "Run Local Forwarder": the active manifest's dnsmasq, as core's forwarder, on 127.0.0.1 in a child process;
 * its query log streams into an output channel; a status bar item shows it and stops it.
 */
export class LocalForwarder implements vscode.Disposable {
  private child: ChildProcess | undefined;
  private readonly status = vscode.window.createStatusBarItem('kubeDnsTools.forwarder', vscode.StatusBarAlignment.Left, 10);

  constructor(
    private readonly script: string,
    readonly output: vscode.OutputChannel,
  ) {
    this.status.name = 'kube-dns Tools local forwarder';
    this.status.command = CLIENT_COMMANDS.stopForwarder;
  }

  get running(): boolean {
    return this.child !== undefined;
  }

  async start(document: vscode.TextDocument | undefined): Promise<string | undefined> {
    if (!document) throw new Error('open a kube-dns manifest first');
    if (this.child) await this.stop();
    const { words, container } = manifestArgv(document.getText(), document.uri.scheme === 'file' ? document.uri.fsPath : undefined);
    const settings = forwarderSettings();
    const request: ForwarderRequest = { words, upstreams: settings.upstreams, port: settings.port };
    this.output.appendLine(`$ dnsmasq ${words.join(' ')}   (container ${container} of ${document.uri.fsPath})`);
    const child = fork(this.script, [JSON.stringify(request)], { stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
    this.child = child;
    child.stderr?.on('data', (chunk: Buffer) => this.output.append(chunk.toString()));
    child.on('exit', (code) => {
      if (this.child === child) this.child = undefined;
      this.output.appendLine(`forwarder exited (${code ?? 'signal'})`);
      this.status.hide();
    });
    const started = await new Promise<string>((resolve, reject) => {
      let buffered = '';
      child.stdout?.on('data', (chunk: Buffer) => {
        buffered += chunk.toString();
        const line = buffered.split('\n')[0] ?? '';
        if (!buffered.includes('\n')) return;
        if (line.startsWith('started ')) resolve(line.slice('started '.length));
        else reject(new Error(line.replace(/^failed /, '')));
      });
      child.on('exit', () => reject(new Error('the forwarder exited before it started; see the output')));
      setTimeout(() => reject(new Error('the forwarder did not start within 10 s')), 10_000).unref();
    });
    this.status.text = `$(radio-tower) dnsmasq ${started}`;
    this.status.tooltip = `Local forwarder for ${container}: dig @${started.replace('#', ' -p ')} NAME. Click to stop.`;
    this.status.show();
    this.output.show(true);
    return started;
  }

  async stop(): Promise<boolean> {
    const child = this.child;
    if (!child) return false;
    this.child = undefined;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
    await exited;
    clearTimeout(timer);
    this.status.hide();
    return true;
  }

  dispose(): void {
    this.child?.kill('SIGTERM');
    this.status.dispose();
  }
}
