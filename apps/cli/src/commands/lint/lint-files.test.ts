import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { collectFiles } from './lint-files.js';

describe('collectFiles', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kdt-walk-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(join(dir, 'a'));
  for (const name of ['a/1.yaml', 'a/2.yaml', 'a/3.yaml', 'b.args.txt', 'dnsmasq.conf', 'notes.md']) writeFileSync(join(dir, name), '');

  it('walks in name order and takes the files lint reads', () => {
    expect(collectFiles([dir]).files.map((f) => f.slice(dir.length + 1))).toEqual(['a/1.yaml', 'a/2.yaml', 'a/3.yaml', 'b.args.txt', 'dnsmasq.conf']);
  });

  it('says so when it stops at its file bound instead of linting part of a tree in silence', () => {
    const { files, problems } = collectFiles([dir, join(dir, 'a')], 2);
    expect(files).toHaveLength(2);
    expect(problems).toEqual([`${dir}: stopped after 2 files; lint smaller directories`]);
  });
});
