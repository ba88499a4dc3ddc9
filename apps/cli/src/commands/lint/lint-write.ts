import { renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Replaces a file's content atomically: a sibling temporary file renamed over it, mode kept. */
export function writeAtomically(path: string, text: string): void {
  const mode = statSync(path).mode & 0o7777;
  const temp = join(dirname(path), `.${basename(path)}.kube-dns-tools-${process.pid}.tmp`);
  try {
    writeFileSync(temp, text, { mode });
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}
