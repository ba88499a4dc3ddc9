import { setImmediate as yieldToEvents } from 'node:timers/promises';
import { parentPort } from 'node:worker_threads';
import { isAbsolute } from 'node:path';
import {
  DocumentLintCache,
  fixUntilStable,
  isConfFileName,
  lintText,
  nodeConfDirFileSystem,
  readConfDirSiblings,
  type Finding,
  type KnownChange,
  type LintOptions,
  type LintResult,
} from '@kube-dns-tools/core/lint';
import { findingsDelta } from './findings-delta.js';
import { MAX_PUBLISHED_FINDINGS, type LintJob, type LintJobResult, type LintJobStarted, type PostedLintJob, type WorkerReply, type WorkerRequest } from './lint-job.js';
import { applyPatch, type TextPatch } from './text-patch.js';

/** How long the worker lints one document before it lets other documents' jobs run. */
const SLICE_MS = 15;

function reply(id: number, result: LintResult, started: number, fixedText?: string): LintJobResult {
  return {
    id,
    ok: true,
    findings: result.findings.slice(0, MAX_PUBLISHED_FINDINGS),
    omitted: Math.max(0, result.findings.length - MAX_PUBLISHED_FINDINGS),
    invocations: result.invocations,
    configMaps: result.configMaps,
    durationMs: performance.now() - started,
    ...(fixedText !== undefined ? { fixedText } : {}),
  };
}

function optionsOf(job: LintJob): LintOptions {
  // A conf fragment is judged with the other files of its folder, read here as the CLI reads them.
  const confSiblings = job.filePath && isAbsolute(job.filePath) && isConfFileName(job.filePath) ? readConfDirSiblings(job.filePath, nodeConfDirFileSystem) : undefined;
  return {
    filePath: job.filePath,
    rules: job.rules,
    ...(job.corednsVersion !== undefined ? { corednsVersion: job.corednsVersion } : {}),
    ...(confSiblings ? { confSiblings } : {}),
  };
}

/** `lint --fix`'s own loop (core's fixUntilStable) on the whole text, in one go. */
function fixJob(job: LintJob): LintJobResult {
  const started = performance.now();
  const options = optionsOf(job);
  let result: LintResult = lintText(job.text, options);
  const fixed = fixUntilStable(job.text, (text) => (text === job.text ? result : (result = lintText(text, options))).findings);
  return reply(job.id, result, started, fixed.text);
}

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
  /** Per document, the last findings posted and the id of their job. */
  const posted = new Map<string, { id: number; findings: Finding[] }>();
  /** Per document, the text of its last job: the next job may come as a patch against it. */
  const texts = new Map<string, string>();

  /** The job with its whole text, and for a patch what changed since the text it was made against. */
  function received(request: PostedLintJob): { job: LintJob; change?: KnownChange } {
    const { patch, ...rest } = request as PostedLintJob & { patch?: TextPatch };
    if ('text' in request) {
      texts.set(request.key, request.text);
      return { job: { ...rest, text: request.text } };
    }
    const previous = texts.get(request.key);
    if (previous === undefined || !patch) throw new Error(`a patch for ${request.key} arrived without its text`);
    const text = applyPatch(previous, patch);
    texts.set(request.key, text);
    return { job: { ...rest, text }, change: { previous, start: patch.start, end: patch.end } };
  }

  /**
   * Copying every finding of a 5,000-line file to the main thread costs more than linting the one YAML document
   * an edit touched: when the main thread holds the last findings posted, only what changed travels.
   */
  function withDelta(job: LintJob, result: LintJobResult): WorkerReply {
    if (!result.ok) return result;
    const last = posted.get(job.key);
    posted.set(job.key, { id: job.id, findings: result.findings });
    if (!last || last.id !== job.baseline) return result;
    const { findings, ...rest } = result;
    return { ...rest, delta: findingsDelta(last.id, last.findings, findings) };
  }

  async function lint(job: LintJob, change?: KnownChange): Promise<LintJobResult> {
    const started = performance.now();
    let cache = caches.get(job.key);
    if (!cache) {
      cache = new DocumentLintCache();
      caches.set(job.key, cache);
    }
    const steps = cache.steps(job.text, optionsOf(job), change);
    let sliceStart = started;
    for (;;) {
      const step = steps.next();
      if (step.done) return reply(job.id, step.value, started);
      if (performance.now() - sliceStart < SLICE_MS) continue;
      await yieldToEvents();
      if (newest.get(job.key) !== job.id) return { id: job.id, ok: false, superseded: true };
      sliceStart = performance.now();
    }
  }

  port.on('message', (message: WorkerRequest) => {
    if (message.type === 'forget') {
      caches.delete(message.key);
      newest.delete(message.key);
      posted.delete(message.key);
      texts.delete(message.key);
      return;
    }
    if (message.startReported !== false) port.postMessage({ id: message.id, started: true } satisfies LintJobStarted);
    let request: LintJob;
    let change: KnownChange | undefined;
    try {
      ({ job: request, change } = received(message));
    } catch (error) {
      port.postMessage({ id: message.id, ok: false, error: error instanceof Error ? error.message : String(error) } satisfies LintJobResult);
      return;
    }
    const work = request.fix
      ? Promise.resolve().then(() => fixJob(request))
      : (newest.set(request.key, request.id), lint(request, change).then((result) => withDelta(request, result)));
    work.then(
      (result: WorkerReply) => port.postMessage(result),
      (error: unknown) =>
        port.postMessage({ id: request.id, ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies LintJobResult),
    );
  });
}
