// For esbuild bundles that inline index.js: put the built binding beside the bundle, where index.js looks.
import { copyFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const builtBinding = join(dirname(fileURLToPath(import.meta.url)), 'dist', 'udp_batch.node');

/** Copies dist/udp_batch.node next to `bundleFile`; false when it was not built (the bundle then uses node:dgram). */
export function copyBindingBeside(bundleFile) {
  if (!existsSync(builtBinding)) return false;
  copyFileSync(builtBinding, join(dirname(bundleFile), 'udp_batch.node'));
  return true;
}
