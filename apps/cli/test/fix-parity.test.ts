import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatedManifests } from './fix-parity/generated-manifests.js';
import { applyLspEdits, LspStdio } from './fix-parity/lsp-stdio.js';
import { runCli } from './run-cli.js';

const SERVER = createRequire(import.meta.url).resolve('@kube-dns-tools/language-server/server.cjs');
const SOURCES = {
  corpus: fileURLToPath(new URL('../../../packages/core/test/fixtures/corpus/', import.meta.url)),
  examples: fileURLToPath(new URL('../../../examples/', import.meta.url)),
};

function files(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((entry) => {
      const path = join(dir, entry);
      return statSync(path).isDirectory() ? files(path) : /\.(md|tsv)$/.test(entry) ? [] : [path];
    });
}

/**
 * The editor's "Fix all" on save and `lint --fix` use one fix policy and one fix loop: on every corpus file,
 * every example and a generated set, the bytes `lint --fix` writes equal the document after applying the
 * language server's `source.fixAll` edits.
 */
describe('lint --fix and the language server source.fixAll leave the same bytes', () => {
  const root = mkdtempSync(join(tmpdir(), 'kdt-fix-parity-'));
  const cases: { name: string; path: string; original: string; editor?: string }[] = [];
  let server: LspStdio;

  beforeAll(async () => {
    cpSync(SOURCES.corpus, join(root, 'corpus'), { recursive: true });
    cpSync(SOURCES.examples, join(root, 'examples'), { recursive: true });
    generatedManifests(60).forEach((m, i) => {
      const dir = join(root, 'generated', String(i).padStart(2, '0'));
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, m.name), m.text);
    });
    for (const path of files(root)) cases.push({ name: path.slice(root.length + 1), path, original: readFileSync(path, 'utf8') });

    server = await LspStdio.start(SERVER);
    for (const c of cases) {
      const edits = await server.fixAllEdits(pathToFileURL(c.path).href, c.original, extname(c.path) === '.json' ? 'json' : 'yaml');
      c.editor = applyLspEdits(c.original, edits);
    }
    const run = runCli(['lint', '--fix', '--format', 'json', ...cases.map((c) => c.path)]);
    if (run.status === 2) throw new Error(`lint --fix failed: ${run.stderr}`);
  }, 300_000);

  afterAll(async () => {
    await server?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('covers the corpus, the examples and the generated set, and fixes something in each', () => {
    const changed = (prefix: string) => cases.filter((c) => c.name.startsWith(prefix) && c.editor !== c.original).length;
    expect(changed('corpus')).toBeGreaterThan(5);
    expect(changed('examples')).toBeGreaterThan(0);
    expect(changed('generated')).toBeGreaterThan(20);
  });

  it('every file', () => {
    const differing = cases.filter((c) => readFileSync(c.path, 'utf8') !== c.editor).map((c) => c.name);
    expect(differing).toEqual([]);
    for (const c of cases) expect(readFileSync(c.path, 'utf8'), c.name).toBe(c.editor);
  });
});
