import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The corpus copied from the shared one (see its README.md); resolved on call, as bench/lint bundles this as CommonJS. */
function corpusDir(): string {
  return fileURLToPath(new URL('../fixtures/corpus/', import.meta.url));
}

/** Every corpus file as `dir/name` (README.md and PROVENANCE.tsv at the top are not manifests). */
export function corpusFiles(root = corpusDir()): string[] {
  const files: string[] = [];
  for (const dir of readdirSync(root).sort()) {
    if (!statSync(join(root, dir)).isDirectory()) continue;
    for (const name of readdirSync(join(root, dir)).sort()) files.push(`${dir}/${name}`);
  }
  return files;
}

export function readCorpus(file: string, root = corpusDir()): string {
  return readFileSync(join(root, file), 'utf8');
}
