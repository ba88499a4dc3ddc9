import { parentPort } from 'node:worker_threads';
import { lintText } from '@kube-dns-tools/core/lint/lint-text';
import type { LintJob, LintJobResult } from './lint-job.js';

/** Body of the lint worker thread: one job at a time, results posted back; never throws. */
export function runLintWorker(): void {
  const port = parentPort;
  if (!port) return;
  port.on('message', (job: LintJob) => {
    const started = performance.now();
    let reply: LintJobResult;
    try {
      const result = lintText(job.text, { filePath: job.filePath, rules: job.rules });
      reply = {
        id: job.id,
        ok: true,
        findings: result.findings,
        invocations: result.invocations,
        configMaps: result.configMaps,
        durationMs: performance.now() - started,
      };
    } catch (error) {
      reply = { id: job.id, ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
    }
    port.postMessage(reply);
  });
}
