import { parentPort } from 'node:worker_threads';
import { fixUntilStable } from '@kube-dns-tools/core/lint/apply-fixes';
import { lintText, type LintResult } from '@kube-dns-tools/core/lint/lint-text';
import type { LintJob, LintJobResult } from './lint-job.js';

/** Body of the lint worker thread: one job at a time, results posted back; never throws. */
export function runLintWorker(): void {
  const port = parentPort;
  if (!port) return;
  port.on('message', (job: LintJob) => {
    const started = performance.now();
    let reply: LintJobResult;
    try {
      const options = { filePath: job.filePath, rules: job.rules };
      let result: LintResult = lintText(job.text, options);
      const fixed = job.fix
        ? fixUntilStable(job.text, (text) => (text === job.text ? result : (result = lintText(text, options))).findings)
        : undefined;
      reply = {
        id: job.id,
        ok: true,
        findings: result.findings,
        invocations: result.invocations,
        configMaps: result.configMaps,
        durationMs: performance.now() - started,
        ...(fixed ? { fixedText: fixed.text } : {}),
      };
    } catch (error) {
      reply = { id: job.id, ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
    }
    port.postMessage(reply);
  });
}
