import { fork, type ChildProcess } from 'node:child_process';
import { basename } from 'node:path';
import * as vscode from 'vscode';
import { SETTINGS_SECTION } from '@kube-dns-tools/language-server/protocol';
import type { CacheEntry, ForwarderStats } from '@kube-dns-tools/core/runtime';
import { listed, type ConsentStore } from '../consent/consent-store.js';
import { ForwarderConnection } from './forwarder-connection.js';
import type { ForwarderRequest } from './forwarder-control.js';
import { forwarderPlan, type ForwarderSettings } from './forwarder-plan.js';

export function forwarderSettings(): ForwarderSettings {
  const config = vscode.workspace.getConfiguration(SETTINGS_SECTION);
  const upstreams = config.get<unknown>('forwarder.upstreams');
  const map = config.get<unknown>('forwarder.serverMap');
  return {
    port: config.get<number>('forwarder.port') ?? 5353,
    upstreams: Array.isArray(upstreams) ? upstreams.filter((u): u is string => typeof u === 'string') : [],
    serverMap: map && typeof map === 'object' ? Object.fromEntries(Object.entries(map).filter(([, v]) => typeof v === 'string')) : {},
    logQueries: config.get<boolean>('forwarder.logQueries') ?? true,
  };
}

export interface RunningForwarder {
  readonly listen: string;
  readonly where: string;
}

/**
 * "Run Local Forwarder": the active manifest's dnsmasq, as core's forwarder, on 127.0.0.1 in a child process
 * (never inside the extension host), after the user approved the servers it sends to. Its query log streams into
 * a log channel; stats and the cache come over the process's IPC pipe.
 */
export class LocalForwarder implements vscode.Disposable {
  private child: ChildProcess | undefined;
  private connection: ForwarderConnection | undefined;
  private current: RunningForwarder | undefined;
  private readonly changed = new vscode.EventEmitter<RunningForwarder | undefined>();
  /** Fires when the forwarder starts (its address) or stops (undefined). */
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly script: string,
    readonly log: vscode.LogOutputChannel,
    private readonly consent: ConsentStore,
  ) {}

  get running(): RunningForwarder | undefined {
    return this.current;
  }

  /** Resolves to the listen address, or undefined when the user declined. */
  async start(document: vscode.TextDocument | undefined): Promise<string | undefined> {
    if (!document) throw new Error('open a kube-dns manifest first');
    const settings = forwarderSettings();
    const name = document.uri.scheme === 'file' ? document.uri.fsPath : document.uri.toString();
    const plan = forwarderPlan(document.getText(), name, settings);
    const approved = await this.consent.allow(
      plan.servers,
      (pending) => `Run the dnsmasq of ${basename(name)} on this machine? It forwards the queries it gets to ${listed(pending)}.`,
      'Run',
    );
    if (!approved) return undefined;
    if (this.child) await this.stop();
    const request: ForwarderRequest = { words: plan.words, upstreams: settings.upstreams, port: settings.port, approved: plan.servers, serverMap: settings.serverMap, logQueries: settings.logQueries };
    this.log.info(`$ dnsmasq ${plan.words.join(' ')}   (${plan.where})`);
    const child = fork(this.script, [JSON.stringify(request)], { stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
    this.child = child;
    this.connection = new ForwarderConnection(child);
    let partial = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      const lines = (partial + chunk.toString()).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) {
        if (line.startsWith('warning: ') || line.startsWith('note: ')) this.log.warn(line);
        else if (line) this.log.info(line);
      }
    });
    child.on('exit', (code, signal) => {
      this.log.info(`forwarder exited (${code ?? signal})`);
      if (this.child !== child) return;
      this.child = undefined;
      this.connection = undefined;
      this.current = undefined;
      this.changed.fire(undefined);
    });
    const listen = await new Promise<string>((resolve, reject) => {
      let buffered = '';
      child.stdout?.on('data', (chunk: Buffer) => {
        buffered += chunk.toString();
        if (!buffered.includes('\n')) return;
        const line = buffered.split('\n')[0] ?? '';
        if (line.startsWith('started ')) resolve(line.slice('started '.length));
        else reject(new Error(line.replace(/^failed /, '')));
      });
      child.on('exit', () => reject(new Error('the forwarder exited before it started; see the "kube-dns Tools: Forwarder" output')));
      setTimeout(() => reject(new Error('the forwarder did not start within 10 s')), 10_000).unref();
    }).catch((error: unknown) => {
      child.kill('SIGKILL');
      throw error;
    });
    this.current = { listen, where: plan.where };
    this.changed.fire(this.current);
    this.log.show(true);
    return listen;
  }

  async stats(): Promise<ForwarderStats | undefined> {
    return (await this.connection?.request('stats'))?.stats;
  }

  async cache(): Promise<{ entries: CacheEntry[]; stats: ForwarderStats } | undefined> {
    const reply = await this.connection?.request('cache');
    return reply?.entries && reply.stats ? { entries: reply.entries, stats: reply.stats } : undefined;
  }

  async flush(): Promise<boolean> {
    if (!this.connection) return false;
    await this.connection.request('flush');
    return true;
  }

  async stop(): Promise<boolean> {
    const child = this.child;
    if (!child) return false;
    this.child = undefined;
    this.connection = undefined;
    const exited = new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
    await exited;
    clearTimeout(timer);
    this.current = undefined;
    this.changed.fire(undefined);
    return true;
  }

  dispose(): void {
    this.child?.kill('SIGTERM');
    this.changed.dispose();
  }
}
