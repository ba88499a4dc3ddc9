// Builds the language server, bundles lsp-bench.ts (core as TypeScript source) and runs it: `node bench/lsp/run.mjs`.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '../..');
const built = spawnSync(process.execPath, ['build.mjs'], { cwd: join(repo, 'packages/language-server'), stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);
const out = mkdtempSync(join(tmpdir(), 'kdt-bench-lsp-'));
try {
  await build({
    entryPoints: [join(here, 'lsp-bench.ts')],
    outfile: join(out, 'lsp-bench.cjs'),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    conditions: ['source'],
    logLevel: 'warning',
  });
  const run = spawnSync(process.execPath, [join(out, 'lsp-bench.cjs'), repo], { stdio: 'inherit', timeout: 600_000 });
  process.exitCode = run.status ?? 1;
} finally {
  rmSync(out, { recursive: true, force: true });
}
