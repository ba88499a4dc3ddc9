import { Worker } from 'node:worker_threads';
import type { Finding } from '@kube-dns-tools/core/lint';
import { applyFindingsDelta } from './findings-delta.js';
import type { LintJob, LintOutcome, WorkerReply, WorkerRequest } from './lint-job.js';
import { diffText } from './text-patch.js';

export const WORKER_ROLE = 'kube-dns-tools-lint-worker';

/** The worker's heap: a document that needs more is abandoned rather than taking the editor's memory. */
const WORKER_HEAP_MB = 1024;

/** The document was abandoned for a budget (time or memory); the message says which, for the user. */
export class LintBudgetError extends Error {}

/** A newer version of the same document was sent to the worker: this result will never come. */
export class LintSupersededError extends Error {}

interface Pending {
  job: LintJob;
  timeoutMs: number;
  resolve: (outcome: LintOutcome) => void;
  reject: (error: Error) => void;
  timer?: NodeJS.Timeout;
  /** Already sent again once after the worker crashed under another job. */
  retried: boolean;
}

/**
 * Runs the lint in one worker thread so that a huge document never blocks hover, completion or cancellation.
 * A lint over its time budget (counted from when the worker begins it) is abandoned: the worker is terminated and made again, and every other job it
 * held is sent again to the new worker, so one document cannot cost the others their diagnostics.
 */
export class LintPool {
  private worker: Worker | undefined;
  private readonly pending = new Map<number, Pending>();
  /** Per document, the findings of its last lint result and that job's id: the worker sends deltas against them. */
  private readonly baselines = new Map<string, { id: number; findings: Finding[] }>();
  /** Per document, the text the current worker was sent last: the next job sends a patch against it. */
  private readonly sentTexts = new Map<string, string>();
  private nextId = 1;

  constructor(
    private readonly script: string,
    private readonly log: (message: string) => void,
  ) {}

  lint(job: Omit<LintJob, 'id' | 'type'>, timeoutMs: number): Promise<LintOutcome> {
    const id = this.nextId++;
    return new Promise<LintOutcome>((resolve, reject) => {
      const baseline = job.fix ? undefined : this.baselines.get(job.key)?.id;
      const entry: Pending = { job: { ...job, type: 'lint', id, ...(baseline !== undefined ? { baseline } : {}) }, timeoutMs, resolve, reject, retried: false };
      this.pending.set(id, entry);
      this.send(entry);
    });
  }

  /** The document was closed. */
  forget(key: string): void {
    this.baselines.delete(key);
    this.sentTexts.delete(key);
    this.worker?.postMessage({ type: 'forget', key } satisfies WorkerRequest);
  }

  async dispose(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    for (const entry of this.pending.values()) this.fail(entry, new Error('lint pool closed'));
    if (worker) await worker.terminate();
  }

  /**
   * The job's time budget starts when the worker begins it (see `started`). A running worker with no other job
   * begins this one at once: its budget starts now, and the worker need not say so (one message less per edit).
   */
  private send(entry: Pending): void {
    clearTimeout(entry.timer);
    entry.timer = undefined;
    const idle = this.worker !== undefined && this.pending.size === 1;
    if (idle) this.started(entry.job.id);
    const worker = this.ensureWorker();
    const { text, ...job } = entry.job;
    const sent = this.sentTexts.get(job.key);
    this.sentTexts.set(job.key, text);
    const body = sent === undefined ? { text } : { patch: diffText(sent, text) };
    worker.postMessage({ ...job, ...body, ...(idle ? { startReported: false } : {}) } satisfies WorkerRequest);
  }

  private started(id: number): void {
    const entry = this.pending.get(id);
    if (entry && !entry.timer) entry.timer = setTimeout(() => this.timedOut(entry), entry.timeoutMs);
  }

  private timedOut(entry: Pending): void {
    this.log(`lint of ${entry.job.filePath ?? entry.job.key} took over ${entry.timeoutMs} ms: abandoned, worker restarted`);
    this.fail(entry, new LintBudgetError(`it took over ${entry.timeoutMs} ms (the lintTimeoutMs setting)`));
    this.replaceWorker();
  }

  /** The worker died under some job: the biggest one is abandoned, every other is sent again once. */
  private crashed(reason: string): void {
    const entries = [...this.pending.values()];
    const biggest = entries.reduce<Pending | undefined>((a, b) => (a && a.job.text.length >= b.job.text.length ? a : b), undefined);
    if (biggest) {
      this.log(`lint worker failed (${reason}) while linting ${biggest.job.filePath ?? biggest.job.key}: abandoned, worker restarted`);
      this.fail(biggest, new LintBudgetError(`the lint worker failed on it (${reason})`));
    }
    this.replaceWorker(true);
  }

  private replaceWorker(afterCrash = false): void {
    const old = this.worker;
    this.worker = undefined;
    void old?.terminate();
    for (const entry of [...this.pending.values()]) {
      if (afterCrash && entry.retried) {
        this.fail(entry, new Error('the lint worker failed twice while this document was queued'));
        continue;
      }
      if (afterCrash) entry.retried = true;
      this.send(entry);
    }
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    this.sentTexts.clear();
    const worker = new Worker(this.script, {
      workerData: { role: WORKER_ROLE },
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
      // stdout carries the LSP stream: whatever the worker prints must not reach it.
      stdout: true,
      stderr: true,
    });
    worker.stdout.on('data', (chunk: Buffer) => this.log(`[lint worker] ${chunk.toString().trimEnd()}`));
    worker.stderr.on('data', (chunk: Buffer) => this.log(`[lint worker] ${chunk.toString().trimEnd()}`));
    worker.on('message', (reply: WorkerReply) => ('started' in reply ? this.started(reply.id) : this.settle(reply)));
    worker.on('error', (error) => {
      if (this.worker !== worker) return;
      this.crashed(error.message);
    });
    worker.on('exit', (code) => {
      if (this.worker !== worker) return;
      this.crashed(`exit code ${code}`);
    });
    worker.unref();
    this.worker = worker;
    return worker;
  }

  private settle(reply: Exclude<WorkerReply, { started: true }>): void {
    const entry = this.pending.get(reply.id);
    if (!entry) return;
    this.pending.delete(reply.id);
    clearTimeout(entry.timer);
    if (reply.ok) {
      const outcome = this.whole(entry.job, reply);
      if (outcome) entry.resolve(outcome);
      // Only `forget` drops a baseline the worker still counts on: the document was closed while it was linted.
      else entry.reject(new LintSupersededError('the document was closed'));
    } else if ('superseded' in reply) entry.reject(new LintSupersededError('superseded'));
    else entry.reject(new Error(reply.error));
  }

  /** The outcome with all its findings; a lint's findings become the document's baseline. */
  private whole(job: LintJob, reply: Extract<WorkerReply, { ok: true }>): LintOutcome | undefined {
    if (job.fix) return 'delta' in reply ? undefined : reply;
    let outcome: LintOutcome;
    if ('delta' in reply) {
      const { delta, ...rest } = reply;
      const baseline = this.baselines.get(job.key);
      if (baseline?.id !== delta.base) {
        this.baselines.delete(job.key);
        return undefined;
      }
      outcome = { ...rest, findings: applyFindingsDelta(baseline.findings, delta) };
    } else {
      outcome = reply;
    }
    this.baselines.set(job.key, { id: reply.id, findings: outcome.findings });
    return outcome;
  }

  private fail(entry: Pending, reason: Error): void {
    clearTimeout(entry.timer);
    this.pending.delete(entry.job.id);
    entry.reject(reason);
  }
}
