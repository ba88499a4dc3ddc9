import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/** Tests run the bundles (dist/forwarder.js), so build them from the current source first. */
export default function setup(): void {
  execFileSync(process.execPath, ['build.mjs'], { cwd: join(__dirname, '..'), stdio: 'inherit' });
}
