// Builds the language server, bundles lsp-bench.ts and runs it: `node bench/lsp/run.mjs`.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { repoRoot, runTsBench } from '../run-ts-bench.mjs';

const built = spawnSync(process.execPath, ['build.mjs'], { cwd: join(repoRoot, 'packages/language-server'), stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);
await runTsBench(fileURLToPath(new URL('lsp-bench.ts', import.meta.url)), { timeoutMs: 600_000 });
