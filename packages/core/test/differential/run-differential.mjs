#!/usr/bin/env node
// Runs the differential suite outside vitest: bundles the TypeScript runner with esbuild, then runs it.
// Example: node packages/core/test/differential/run-differential.mjs --bin "node apps/cli/dist/cli.js forward --"
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'kdt-diff-'));
const out = join(dir, 'differential-cli.cjs');
try {
  await build({
    entryPoints: [join(here, 'differential-cli.ts')],
    outfile: out,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    define: { 'import.meta.url': JSON.stringify(pathToFileURL(join(here, 'x.js')).href) },
    logLevel: 'warning',
  });
  const { main } = createRequire(import.meta.url)(out);
  process.exitCode = await main(process.argv.slice(2));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
