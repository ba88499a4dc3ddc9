import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintText } from '@kube-dns-tools/core/lint';
import { describe, expect, it } from 'vitest';
import { lineFingerprints } from './lint-sarif-fingerprint.js';

const MISTAKES = readFileSync(join(__dirname, '../../../../../examples/kube-dns-mistakes.yaml'), 'utf8');

function fingerprints(text: string): Map<string, string> {
  const { findings } = lintText(text, { filePath: 'kube-dns.yaml' });
  const prints = lineFingerprints(findings, text);
  return new Map(findings.map((f, i) => [`${f.ruleId} ${f.message}`, prints[i]!]));
}

describe('SARIF line fingerprints', () => {
  const before = fingerprints(MISTAKES);

  it('give every finding of a file its own fingerprint', () => {
    expect(before.size).toBeGreaterThan(4);
    expect(new Set(before.values()).size).toBe(before.size);
  });

  it('stay the same when lines are added above and the file is re-indented', () => {
    const moved = `# a new comment\n# and another\n${MISTAKES.replace(/^ {8}- /gm, '        -   ')}`;
    expect(moved).not.toBe(MISTAKES);
    expect(fingerprints(moved)).toEqual(before);
  });

  it('change when the line a finding is on changes', () => {
    const edited = MISTAKES.replace('--server=/cluster.local/127.0.0.1:10053', '--server=/cluster.local/127.0.0.2:10053');
    const after = fingerprints(edited);
    const changed = [...after].filter(([key, print]) => before.get(key) !== print).map(([key]) => key.split(' ')[0]);
    expect(changed).toEqual(['server-syntax']);
  });

  it('count occurrences of the same rule on identical lines', () => {
    const f = { ruleId: 'r', span: { start: 0 } } as never;
    const g = { ruleId: 'r', span: { start: 4 } } as never;
    const prints = lineFingerprints([f, g], 'x y\nxy\n');
    expect(prints[0]!.split(':')[0]).toBe(prints[1]!.split(':')[0]);
    expect(prints.map((p) => p!.split(':')[1])).toEqual(['1', '2']);
    expect(lineFingerprints([f], undefined)).toEqual([undefined]);
  });
});
