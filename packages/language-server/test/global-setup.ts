import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The tests talk to the bundled server, so bundle it from the current source first (esbuild, ~1 s). */
export default function setup(): void {
  execFileSync(process.execPath, ['build.mjs'], { cwd: fileURLToPath(new URL('..', import.meta.url)), stdio: 'inherit' });
}
