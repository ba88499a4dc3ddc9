import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI } from './run-cli.js';

/**
 * Issue 14: lint memory grows linearly with the input. Not timed: each run gets a V8 heap limit
 * (--max-old-space-size) proportional to its input and must finish; a run over its budget aborts.
 * The shapes come from bench/lint/memory-inputs.mjs, whose bench prints the measured ratios.
 */

type Make = (count: number) => string;
let inputs: { manyArgsManifest: Make; manyDocumentsManifest: Make };
const dir = mkdtempSync(join(tmpdir(), 'kdt-lint-memory-'));
beforeAll(async () => {
  // A computed URL: the generator is plain JavaScript shared with the bench, outside this package's sources.
  const url = pathToFileURL(join(__dirname, '../../../bench/lint/memory-inputs.mjs')).href;
  inputs = (await import(url)) as typeof inputs;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const MB = 1024 * 1024;

/** Lints `text` with a heap of `perInputMb` MB per MB of input; the exit status (134 when the heap ran out). */
function lintWithin(name: string, text: string, perInputMb: number): { status: number | null; budgetMb: number; files: number } {
  const file = join(dir, name);
  writeFileSync(file, text);
  const budgetMb = Math.ceil((perInputMb * statSync(file).size) / MB);
  const run = spawnSync(process.execPath, [`--max-old-space-size=${budgetMb}`, CLI, 'lint', '--format', 'json', file], {
    encoding: 'utf8',
    maxBuffer: 256 * MB,
    timeout: 240_000,
  });
  const files = run.status === 0 || run.status === 1 ? (JSON.parse(run.stdout) as unknown[]).length : 0;
  return { status: run.status, budgetMb, files };
}

describe('lint memory (issue 14)', () => {
  it('thousands of kube-dns documents: linted within a heap of 10x the input', () => {
    const run = lintWithin('documents.yaml', inputs.manyDocumentsManifest(1_600), 10);
    expect(run.budgetMb).toBeGreaterThan(60);
    expect(run).toMatchObject({ status: 1, files: 1 });
  }, 300_000);

  it('a container with 200,000 and 400,000 arguments: linted within a heap of 10x the input', () => {
    // Sizes where 10x the input is well above what the CLI needs before it reads anything (about 7 MB: at 100,000
    // arguments a run needs 9.4x, at 200,000 8.6x); the second run checks that the cost per argument does not grow.
    for (const count of [200_000, 400_000]) {
      const run = lintWithin(`arguments-${count}.yaml`, inputs.manyArgsManifest(count), 10);
      expect(run.budgetMb).toBeGreaterThan(50);
      expect(run, `${count} arguments in ${run.budgetMb} MB`).toMatchObject({ status: 0, files: 1 });
    }
  }, 300_000);
});
