import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DocumentLintCache } from '../../src/lint/lint-by-document.js';
import { lintText } from '../../src/lint/lint-text.js';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { corpusFiles, readCorpus } from './corpus-files.js';
import { readFixture } from './fixture.js';

const fixtures = ['argv-problems.yaml', 'flow-args.yaml', 'servers-suspicious.yaml', 'short-style.yaml', 'crlf.yaml', 'unicode.yaml', 'tabs.yaml', 'merged-and-configmaps.yaml', 'no-upstream.yaml', 'suppressions.yaml', 'server-syntax.yaml', 'numbers.yaml'].map(readFixture);
const tokens = fc.constantFrom('---\n', '\n---\n', '\n--- ', '---', '\n', '\r\n', '\r', '\u2028', '- -N\n', '        - --cache-size=0\n', '--server=/a/1.2.3.4', '[', ']', '{', '}', ', ', ': ', '"', "'", '#', ' # x', '\t', '😀', 'dnsmasq', 'containers:', 'kind: ConfigMap\n', 'name: kube-dns\n', 'Corefile: |\n    .:53 {\n', 'image: coredns/coredns:1.11.1\n', '{{ x }}', '# kube-dns-tools-disable no-negcache\n', 'args:', '-k [-k [-k -N', '__PILLAR__DNS__', '\tbad: [', 'a: "unclosed\n');

/** A multi-document text: fixtures joined by `---`, in an order fast-check picks. */
const manifest = fc.array(fc.nat(fixtures.length - 1), { minLength: 1, maxLength: 6 }).map((order) => order.map((i) => fixtures[i]!.replace(/^---\n/, '')).join('---\n'));
const edit = fc.tuple(fc.nat(), fc.nat(30), fc.array(tokens, { maxLength: 3 }));

function applied(text: string, [at, cut, inserted]: [number, number, string[]]): string {
  const p = at % (text.length + 1);
  return text.slice(0, p) + inserted.join('') + text.slice(p + cut);
}

describe('DocumentLintCache', () => {
  it('on every corpus file (dnsmasq and CoreDNS), gives exactly what lintText gives, then again after an edit', () => {
    const coredns = fileURLToPath(new URL('../fixtures/coredns-corpus/', import.meta.url));
    const files = [
      ...corpusFiles().map((file) => ({ file, text: readCorpus(file) })),
      ...readdirSync(coredns)
        .filter((name) => statSync(join(coredns, name)).isFile() && !/\.(md|tsv)$/.test(name))
        .map((file) => ({ file, text: readFileSync(join(coredns, file), 'utf8') })),
    ];
    expect(files.length).toBeGreaterThan(60);
    for (const { file, text } of files) {
      const cache = new DocumentLintCache();
      expect(cache.lint(text, { filePath: file }), file).toEqual(lintText(text, { filePath: file }));
      const edited = text.replace(/\n/, '\n# edited\n');
      expect(cache.lint(edited, { filePath: file }), file).toEqual(lintText(edited, { filePath: file }));
    }
  });

  it('after every random edit, gives exactly what lintText gives on the whole text', () => {
    fc.assert(
      fc.property(manifest, fc.array(edit, { minLength: 1, maxLength: 8 }), fc.constantFrom(undefined, 'x.yaml', 'x.json'), (start, edits, filePath) => {
        const cache = new DocumentLintCache();
        let text = start;
        expect(cache.lint(text, { filePath })).toEqual(lintText(text, { filePath }));
        for (const e of edits) {
          text = applied(text, e);
          expect(cache.lint(text, { filePath })).toEqual(lintText(text, { filePath }));
        }
      }),
      { numRuns: 60 },
    );
  });

  it('gives exactly what lintText gives after an edit at or next to any cut between documents', () => {
    // Documents that reach no other, so that the unchanged ones are reused rather than the whole text linted.
    const doc = readFixture('servers-suspicious.yaml').replace(/^---\n/, '');
    const text = Array.from({ length: 4 }, (_, i) => doc.replace('kube-dns', `kube-dns-${i}`)).join('---\n');
    const cuts = [...text.matchAll(/^---/gm)].map((m) => m.index);
    expect(cuts.length).toBe(3);
    for (const cut of [...cuts, text.length]) {
      for (let at = Math.max(0, cut - 6); at <= Math.min(text.length, cut + 6); at++) {
        for (const [removed, inserted] of [[0, '-'], [0, '\n'], [0, ' '], [0, 'x'], [0, '---\n'], [1, ''], [1, '-'], [4, '']] as const) {
          const edited = text.slice(0, at) + inserted + text.slice(at + removed);
          const cache = new DocumentLintCache();
          cache.lint(text);
          expect(cache.lint(edited), `${JSON.stringify(inserted)} at ${at}`).toEqual(lintText(edited));
          expect(cache.lint(text), `back from ${JSON.stringify(inserted)} at ${at}`).toEqual(lintText(text));
          // Told what changed (as the language server's worker is, from the patch it received), not comparing texts.
          const told = new DocumentLintCache();
          told.lint(text);
          expect(told.lint(edited, {}, { previous: text, start: at, end: at + removed }), `told ${JSON.stringify(inserted)} at ${at}`).toEqual(lintText(edited));
        }
      }
    }
  });

  it('re-lints only the document an edit touched, and follows rule settings', () => {
    const doc = readFixture('servers-suspicious.yaml').replace(/^---\n/, '');
    const docs = Array.from({ length: 10 }, (_, i) => doc.replace('kube-dns', `kube-dns-${i}`));
    const text = docs.join('---\n');
    const cache = new DocumentLintCache();
    cache.lint(text);
    expect(cache.lintedLast).toBe(10);
    const edited = text.replace('kube-dns-4', 'kube-dns-four');
    expect(cache.lint(edited)).toEqual(lintText(edited));
    expect(cache.lintedLast).toBe(1);
    // A line added above moves every later document: reused, at their new place.
    const shifted = `# a comment\n${edited}`;
    expect(cache.lint(shifted)).toEqual(lintText(shifted));
    expect(cache.lintedLast).toBe(1);
    const rules = { 'no-negcache': 'off' } as const;
    expect(cache.lint(shifted, { rules })).toEqual(lintText(shifted, { rules }));
    expect(cache.lintedLast).toBe(10);
  });

  it('lints the whole text when documents can influence one another', () => {
    const doc = readFixture('servers-suspicious.yaml').replace(/^---\n/, '');
    const cache = new DocumentLintCache();
    for (const text of [`# kube-dns-tools-disable no-negcache -- test\n${doc}---\n${doc}`, `${doc}---\n${readFixture('merged-and-configmaps.yaml')}`]) {
      expect(cache.lint(text)).toEqual(lintText(text));
      expect(cache.lintedLast).toBe(1);
    }
  });
});
