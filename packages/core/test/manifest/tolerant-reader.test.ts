import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { splitDocuments } from '../../src/manifest/document-chunks.js';
import type { DnsmasqInvocation } from '../../src/manifest/model.js';
import { readManifest } from '../../src/manifest/read-manifest.js';
import { maskTemplates } from '../../src/manifest/template-mask.js';
import { readTolerantInvocations } from '../../src/manifest/tolerant-reader.js';
import { applyEdit } from './edit-helpers.js';

const fixture = (name: string): string => readFileSync(join(__dirname, '../fixtures/manifest', name), 'utf8');

describe('the line reader behind broken YAML', () => {
  test('a tab-indented line inside the container: args and command still found, ranges exact', () => {
    const text = fixture('broken-tab-in-container.yaml');
    const model = readManifest(text);
    expect(model.parseProblems.length).toBeGreaterThan(0);
    expect(model.invocations).toHaveLength(1);
    const inv = model.invocations[0]!;
    expect(inv.tolerant).toBe(true);
    expect(inv).toMatchObject({ containerName: 'dnsmasq', launcher: 'direct', workload: { kind: 'Deployment', name: 'kube-dns' } });
    expect(inv.args.map((a) => a.text)).toEqual(['-k', '--server=127.0.0.1#10053', '--cache-size=1000', '--no-resolv']);
    for (const a of inv.args) expect(text.slice(a.start, a.end)).toBe(a.text);
    const out = applyEdit(text, inv.insertion.append(['--no-negcache']));
    expect(out).toBe(text.replace('"--no-resolv"]', '"--no-resolv", "--no-negcache"]'));
  });

  test('an unclosed quote: the words around it are still read', () => {
    const text = fixture('broken-unclosed-quote.yaml');
    const model = readManifest(text);
    expect(model.parseProblems.length).toBeGreaterThan(0);
    const inv = model.invocations[0]!;
    expect(inv.tolerant).toBe(true);
    expect(inv.args.map((a) => a.text)).toEqual(['-k', '"--log-facility=-', '--server=/cluster.local/10.0.0.10']);
    const out = applyEdit(text, inv.insertion.append(['--no-negcache']));
    expect(out).toContain('            - --server=/cluster.local/10.0.0.10\n            - --no-negcache\n          env:\n');
  });
});

describe('the line reader agrees with yaml where yaml succeeds', () => {
  const root = join(__dirname, '../fixtures/corpus');
  const files = readdirSync(root)
    .filter((d) => statSync(join(root, d)).isDirectory())
    .flatMap((d) => readdirSync(join(root, d)).map((f) => `${d}/${f}`))
    // The line reader reads YAML-shaped text; JSON goes through yaml's flow parser, which is lenient already.
    .filter((p) => /\.(ya?ml|base|sed|in|erb|j2|template)$/.test(p));

  test.each(files)('%s', (path) => {
    const text = readFileSync(join(root, path), 'utf8');
    const viaYaml = readManifest(text, { filePath: path }).invocations;
    const mask = maskTemplates(text);
    const ctx = { text, mask, bareNamesArePlaceholders: true };
    const viaLines = splitDocuments(mask.masked).flatMap((chunk) => readTolerantInvocations(ctx, chunk));
    const summary = (invs: readonly DnsmasqInvocation[]): unknown[] => invs.map((i) => [i.containerName, i.launcher, i.args.map((a) => [a.text, a.start, a.end])]);
    expect(summary(viaLines)).toEqual(summary(viaYaml));
  });
});
