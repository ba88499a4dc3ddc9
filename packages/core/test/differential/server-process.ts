// Starts the command under test (dnsmasq or ours), collects its output lines, stops it by PID.
import { spawn, type ChildProcess } from 'node:child_process';

const READY = /started, version|using nameserver|using only locally|using standard nameservers/;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class ServerProcess {
  readonly lines: string[] = [];
  exit: { code: number | null; signal: NodeJS.Signals | null } | null = null;
  private child?: ChildProcess;
  private exited?: Promise<void>;

  /** `command` is split on spaces: "node apps/cli/dist/cli.js forward --" works. */
  constructor(readonly command: string, readonly args: string[]) {}

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Resolves true once a start-up line was printed and the process still runs. */
  async start(waitMs = 3000): Promise<boolean> {
    const [bin, ...pre] = this.command.split(' ').filter(Boolean);
    if (!bin) throw new Error('empty command');
    const child = (this.child = spawn(bin, [...pre, ...this.args], { stdio: ['ignore', 'pipe', 'pipe'] }));
    let partial = '';
    const onData = (d: Buffer) => {
      partial += d.toString();
      let i: number;
      while ((i = partial.indexOf('\n')) >= 0) {
        this.lines.push(partial.slice(0, i));
        partial = partial.slice(i + 1);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    this.exited = new Promise((resolve) => {
      child.on('error', (e) => this.lines.push(`spawn error: ${e.message}`));
      child.on('close', (code, signal) => {
        if (partial) this.lines.push(partial);
        partial = '';
        this.exit = { code, signal };
        resolve();
      });
    });
    const t0 = Date.now();
    while (Date.now() - t0 < waitMs) {
      if (this.exit) return false;
      if (this.lines.some((l) => READY.test(l))) {
        await sleep(150); // the rest of the start-up lines
        return !this.exit;
      }
      await sleep(20);
    }
    return !this.exit;
  }

  async stop(): Promise<void> {
    if (!this.child || this.exit) return;
    this.child.kill('SIGTERM');
    await Promise.race([this.exited, sleep(2000)]);
    if (!this.exit) {
      this.child.kill('SIGKILL');
      await this.exited;
    }
  }

  async waitExit(ms: number): Promise<void> {
    await Promise.race([this.exited, sleep(ms)]);
  }
}
