import { Worker } from 'node:worker_threads';
import type { LintJob, LintJobResult, LintOutcome } from './lint-job.js';

export const WORKER_ROLE = 'kube-dns-tools-lint-worker';

interface Pending {
  resolve: (outcome: LintOutcome) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

/**
 * Runs lintText in one worker thread so that a huge document never blocks hover, completion or
 * cancellation, and a lint that hangs is abandoned: the worker is terminated and made again.
 */
export class LintPool {
  private worker: Worker | undefined;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  constructor(
    private readonly script: string,
    private readonly log: (message: string) => void,
  ) {}

  lint(job: Omit<LintJob, 'id'>, timeoutMs: number): Promise<LintOutcome> {
    const id = this.nextId++;
    const worker = this.ensureWorker();
    return new Promise<LintOutcome>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.log(`lint of ${job.filePath ?? 'a document'} took over ${timeoutMs} ms: abandoned, worker restarted`);
        this.restart(new Error(`lint timed out after ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(id, { resolve, reject, timer });
      worker.postMessage({ ...job, id } satisfies LintJob);
    });
  }

  async dispose(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    this.failAll(new Error('lint pool closed'));
    if (worker) await worker.terminate();
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.script, {
      workerData: { role: WORKER_ROLE },
      // stdout carries the LSP stream: whatever the worker prints must not reach it.
      stdout: true,
      stderr: true,
    });
    worker.stdout.on('data', (chunk: Buffer) => this.log(`[lint worker] ${chunk.toString().trimEnd()}`));
    worker.stderr.on('data', (chunk: Buffer) => this.log(`[lint worker] ${chunk.toString().trimEnd()}`));
    worker.on('message', (reply: LintJobResult) => this.settle(reply));
    worker.on('error', (error) => {
      this.log(`lint worker failed: ${error.stack ?? error.message}`);
      if (this.worker === worker) this.restart(error);
    });
    worker.on('exit', (code) => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      this.failAll(new Error(`lint worker exited with code ${code}`));
    });
    worker.unref();
    this.worker = worker;
    return worker;
  }

  private settle(reply: LintJobResult): void {
    const entry = this.pending.get(reply.id);
    if (!entry) return;
    this.pending.delete(reply.id);
    clearTimeout(entry.timer);
    if (reply.ok) entry.resolve(reply);
    else entry.reject(new Error(reply.error));
  }

  private restart(reason: Error): void {
    const worker = this.worker;
    this.worker = undefined;
    this.failAll(reason);
    void worker?.terminate();
  }

  private failAll(reason: Error): void {
    for (const entry of this.pending.values()) {
      clearTimeout(entry.timer);
      entry.reject(reason);
    }
    this.pending.clear();
  }
}
