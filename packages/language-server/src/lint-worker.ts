import { setImmediate as yieldToEvents } from 'node:timers/promises';
import { parentPort } from 'node:worker_threads';
import { DocumentLintCache } from '@kube-dns-tools/core/lint/lint-by-document';
import { MAX_PUBLISHED_FINDINGS, type LintJob, type LintJobResult, type WorkerRequest } from './lint-job.js';

/** How long the worker lints one document before it lets other documents' jobs run. */
const SLICE_MS = 15;

/**
 * Body of the lint worker thread. Each document is linted one YAML document at a time, reusing the findings of
 * its unchanged documents; between slices other jobs run, so a huge document does not hold the others back, and
 * a job whose document changed again stops. Never throws.
 */
export function runLintWorker(): void {
  const port = parentPort;
  if (!port) return;
  const caches = new Map<string, DocumentLintCache>();
  const newest = new Map<string, number>();

  async function lint(job: LintJob): Promise<LintJobResult> {
    const started = performance.now();
    let cache = caches.get(job.key);
    if (!cache) {
      cache = new DocumentLintCache();
      caches.set(job.key, cache);
    }
    const steps = cache.steps(job.text, { filePath: job.filePath, rules: job.rules });
    let sliceStart = started;
    for (;;) {
      const step = steps.next();
      if (step.done) {
        const { findings, invocations, configMaps } = step.value;
        return {
          id: job.id,
          ok: true,
          findings: findings.slice(0, MAX_PUBLISHED_FINDINGS),
          omitted: Math.max(0, findings.length - MAX_PUBLISHED_FINDINGS),
          invocations,
          configMaps,
          durationMs: performance.now() - started,
        };
      }
      if (performance.now() - sliceStart < SLICE_MS) continue;
      await yieldToEvents();
      if (newest.get(job.key) !== job.id) return { id: job.id, ok: false, superseded: true };
      sliceStart = performance.now();
    }
  }

  port.on('message', (request: WorkerRequest) => {
    if (request.type === 'forget') {
      caches.delete(request.key);
      newest.delete(request.key);
      return;
    }
    newest.set(request.key, request.id);
    lint(request).then(
      (reply) => port.postMessage(reply),
      (error: unknown) =>
        port.postMessage({ id: request.id, ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies LintJobResult),
    );
  });
}
