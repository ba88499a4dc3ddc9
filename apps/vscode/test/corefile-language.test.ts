import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DOCUMENT_SELECTOR } from '../src/document-selector.js';

const root = join(__dirname, '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

function patterns(node: unknown, out: string[] = []): string[] {
  if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if ((key === 'match' || key === 'begin' || key === 'end') && typeof value === 'string') out.push(value);
      else patterns(value, out);
    }
  }
  return out;
}

describe('the corefile language', () => {
  it('is contributed with a grammar the package ships, and the client sends Corefiles to the server', () => {
    expect(manifest.contributes.languages).toEqual([expect.objectContaining({ id: 'corefile', filenames: ['Corefile'] })]);
    const [grammar] = manifest.contributes.grammars;
    expect(grammar).toMatchObject({ language: 'corefile', scopeName: 'source.corefile' });
    const ignore = readFileSync(join(root, '.vscodeignore'), 'utf8');
    expect(ignore).toContain(`!${grammar.path.replace('./', '')}`);
    expect(ignore).toContain('!language-configuration.json');
    // The client's document selector lives in its own file (no vscode import), which language-client.ts uses.
    expect(readFileSync(join(root, 'src/language-client.ts'), 'utf8')).toContain('documentSelector: DOCUMENT_SELECTOR');
    expect(DOCUMENT_SELECTOR).toContainEqual({ scheme: 'file', language: 'corefile' });
    expect(DOCUMENT_SELECTOR).toContainEqual({ scheme: 'untitled', language: 'corefile' });
  });

  it('has a grammar whose patterns compile and match the Corefile pieces they name', () => {
    const grammar = JSON.parse(readFileSync(join(root, 'syntaxes/corefile.tmLanguage.json'), 'utf8'));
    for (const source of patterns(grammar)) expect(() => new RegExp(source)).not.toThrow();
    const repo = grammar.repository;
    expect(new RegExp(repo.comment.match).exec('    forward . 1.1.1.1 # upstream')![0]).toBe('# upstream');
    expect(new RegExp(repo.comment.match).test('forward . 10.0.0.10#5353')).toBe(false);
    expect(new RegExp(repo['server-key'].match).exec('dns://.:53 tls://example.org:853 {')![1]).toBe('dns://.:53 tls://example.org:853');
    expect(new RegExp(repo.directive.match).exec('    cache 30')![1]).toBe('cache');
    expect(new RegExp(repo.env.match).test('prometheus {$MY_HOST_IP}:9253')).toBe(true);
  });
});
