// Bundles lint-bench.ts and runs it: `node bench/lint/run.mjs`.
import { fileURLToPath } from 'node:url';
import { runTsBench } from '../run-ts-bench.mjs';

await runTsBench(fileURLToPath(new URL('lint-bench.ts', import.meta.url)), {
  timeoutMs: 300_000,
  // corpus-files.ts resolves its default folder from import.meta; the bench always passes the folder.
  esbuild: { logOverride: { 'empty-import-meta': 'silent' } },
});
