import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findLintConfig } from './config-file.js';
import { nodeConfigFileSystem } from './node-config-file-system.js';

describe('nodeConfigFileSystem', () => {
  const repo = mkdtempSync(join(tmpdir(), 'kdt-config-'));
  afterAll(() => rmSync(repo, { recursive: true, force: true }));
  mkdirSync(join(repo, '.git'));
  mkdirSync(join(repo, 'deploy/dns'), { recursive: true });

  it('finds the repository config from a nested directory on disk', () => {
    writeFileSync(join(repo, '.kube-dns-tools.yaml'), 'rules:\n  log-queries: off\n');
    const found = findLintConfig(join(repo, 'deploy/dns'), nodeConfigFileSystem);
    expect(found?.path).toBe(join(repo, '.kube-dns-tools.yaml'));
    expect(found?.config.rules).toEqual({ 'log-queries': 'off' });
  });

  it('skips a file too large to be a config, and reads nothing for a missing one', () => {
    writeFileSync(join(repo, 'deploy/.kube-dns-tools.yml'), `# ${'x'.repeat(2 * 1024 * 1024)}\n`);
    expect(nodeConfigFileSystem.readFile(join(repo, 'deploy/.kube-dns-tools.yml'))).toBeUndefined();
    expect(nodeConfigFileSystem.readFile(join(repo, 'missing.yaml'))).toBeUndefined();
    expect(findLintConfig(join(repo, 'deploy/dns'), nodeConfigFileSystem)?.path).toBe(join(repo, '.kube-dns-tools.yaml'));
  });
});
