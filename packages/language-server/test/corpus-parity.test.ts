import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findLintConfig, lintText } from '@kube-dns-tools/core/lint';
import { LspTestClient } from './lsp-test-client.js';

const CORPUS = fileURLToPath(new URL('../../core/test/fixtures/corpus/', import.meta.url));

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? files(path) : /\.(md|tsv)$/.test(entry) ? [] : [path];
  });
}

const fsReader = {
  readFile: (path: string) => (existsSync(path) ? readFileSync(path, 'utf8') : undefined),
  exists: existsSync,
};

describe('the server reports what the engine reports, on every corpus file', () => {
  let client: LspTestClient;
  beforeAll(async () => {
    client = await LspTestClient.start();
  });
  afterAll(async () => {
    await client.stop();
  });

  it.each(files(CORPUS).map((path) => [path.slice(CORPUS.length), path]))('%s', async (_name, path) => {
    const text = readFileSync(path, 'utf8');
    const uri = pathToFileURL(path).href;
    await client.open(uri, text, extname(path) === '.json' ? 'json' : 'yaml');
    const diagnostics = await client.diagnosticsFor(uri, 1);
    const rules = findLintConfig(dirname(path), fsReader)?.config.rules ?? {};
    const findings = lintText(text, { filePath: path, rules }).findings;
    const severity = { error: 1, warning: 2, info: 3, hint: 4 } as const;
    expect(diagnostics.map((d) => [d.code, d.severity, d.message, d.range, d.codeDescription?.href])).toEqual(
      findings.map((f) => [f.ruleId, severity[f.severity], f.message, { start: f.span.startPosition, end: f.span.endPosition }, f.docsUrl]),
    );
    await client.close(uri);
  });
});
