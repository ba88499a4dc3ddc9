import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CORPUS_DIR = fileURLToPath(new URL('../fixtures/corpus/', import.meta.url));

/** Every corpus file as `dir/name` (README.md and PROVENANCE.tsv at the top are not manifests). */
export function corpusFiles(): string[] {
  const files: string[] = [];
  for (const dir of readdirSync(CORPUS_DIR).sort()) {
    if (!statSync(join(CORPUS_DIR, dir)).isDirectory()) continue;
    for (const name of readdirSync(join(CORPUS_DIR, dir)).sort()) files.push(`${dir}/${name}`);
  }
  return files;
}

export function readCorpus(file: string): string {
  return readFileSync(join(CORPUS_DIR, file), 'utf8');
}
