// Bundles a TypeScript benchmark with esbuild (core consumed as TypeScript source), runs it with the repository
// root as its argument, and sets the exit code from it.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(fileURLToPath(new URL('..', import.meta.url)));

export async function runTsBench(entry, { timeoutMs, esbuild = {} }) {
  const name = basename(entry, '.ts');
  const out = mkdtempSync(join(tmpdir(), `kdt-${name}-`));
  try {
    await build({
      entryPoints: [entry],
      outfile: join(out, `${name}.cjs`),
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      conditions: ['source'],
      logLevel: 'warning',
      ...esbuild,
    });
    const run = spawnSync(process.execPath, [join(out, `${name}.cjs`), repoRoot], { stdio: 'inherit', timeout: timeoutMs });
    process.exitCode = run.status ?? 1;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
