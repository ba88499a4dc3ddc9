// Bundles lint-bench.ts with esbuild (core is consumed as TypeScript source) and runs it: `node bench/lint/run.mjs`.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '../..');
const out = mkdtempSync(join(tmpdir(), 'kdt-bench-lint-'));
try {
  await build({
    entryPoints: [join(here, 'lint-bench.ts')],
    outfile: join(out, 'lint-bench.cjs'),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    conditions: ['source'],
    logLevel: 'warning',
    // corpus-files.ts resolves its default folder from import.meta; the bench always passes the folder.
    logOverride: { 'empty-import-meta': 'silent' },
  });
  const run = spawnSync(process.execPath, [join(out, 'lint-bench.cjs'), repo], { stdio: 'inherit', timeout: 300_000 });
  process.exitCode = run.status ?? 1;
} finally {
  rmSync(out, { recursive: true, force: true });
}
