import { describe, expect, it } from 'vitest';
import { findLintConfig, parseLintConfig, type ConfigFileSystem } from '../../src/lint/config-file.js';

function memoryFs(files: Record<string, string>, dirs: string[] = []): ConfigFileSystem & { reads: string[] } {
  const reads: string[] = [];
  return {
    reads,
    readFile(path) {
      reads.push(path);
      return files[path];
    },
    exists: (path) => path in files || dirs.includes(path),
  };
}

describe('.kube-dns-tools.yaml', () => {
  it('parses rule settings, and names the place of each bad entry', () => {
    const { config, problems } = parseLintConfig('rules:\n  log-queries: off\n  no-negcache: error\n  nope: off\n  cache-size: loud\nextra: 1\n', '/repo/.kube-dns-tools.yaml');
    expect(config.rules).toEqual({ 'log-queries': 'off', 'no-negcache': 'error' });
    expect(problems).toEqual([
      '/repo/.kube-dns-tools.yaml: unknown key "extra" (only "rules" and "corednsVersion" are read)',
      '/repo/.kube-dns-tools.yaml: rules.nope: no such rule',
      '/repo/.kube-dns-tools.yaml: rules.cache-size: "loud" is not one of off, error, warning, info, hint',
    ]);
  });

  it('reads corednsVersion, and reports a bad one at its key without guessing', () => {
    expect(parseLintConfig('corednsVersion: 1.11.3\n').config).toEqual({ rules: {}, corednsVersion: '1.11.3' });
    expect(parseLintConfig('corednsVersion: "v1.8"\nrules: {log-queries: off}\n').config).toEqual({ rules: { 'log-queries': 'off' }, corednsVersion: '1.8.0' });
    const bad = parseLintConfig('corednsVersion: latest\nrules: {log-queries: off}\n', '/repo/.kube-dns-tools.yaml');
    expect(bad.config).toEqual({ rules: { 'log-queries': 'off' } });
    expect(bad.problems).toEqual(['/repo/.kube-dns-tools.yaml: corednsVersion: "latest" is not a CoreDNS version such as 1.11.3 (ignored)']);
    const number = parseLintConfig('corednsVersion: 1.10\n', '/repo/.kube-dns-tools.yaml');
    expect(number.config.corednsVersion).toBeUndefined();
    expect(number.problems[0]).toMatch(/^\/repo\/\.kube-dns-tools\.yaml: corednsVersion: 1\.1 was read as a number; write the full version/);
    expect(parseLintConfig('corednsVersion: [1]\n').problems[0]).toMatch(/corednsVersion: "1" is not a CoreDNS version/);
  });

  it('never throws on bad YAML or odd shapes', () => {
    expect(parseLintConfig('rules: [').problems[0]).toMatch(/not valid YAML/);
    expect(parseLintConfig('- a').problems[0]).toMatch(/expected a mapping/);
    expect(parseLintConfig('rules: 3').problems[0]).toMatch(/"rules" must map/);
    expect(parseLintConfig('').config.rules).toEqual({});
  });

  it('is found by walking up to the directory that holds .git, and not above it', () => {
    const fs = memoryFs({ '/srv/repo/.kube-dns-tools.yaml': 'rules: {log-queries: off}\n', '/srv/.kube-dns-tools.yaml': 'rules: {}\n' }, ['/srv/repo/.git']);
    const found = findLintConfig('/srv/repo/deploy/dns', fs);
    expect(found?.path).toBe('/srv/repo/.kube-dns-tools.yaml');
    expect(found?.config.rules).toEqual({ 'log-queries': 'off' });

    const above = memoryFs({ '/srv/.kube-dns-tools.yaml': 'rules: {}\n' }, ['/srv/repo/.git']);
    expect(findLintConfig('/srv/repo/deploy', above)).toBeUndefined();
    expect(above.reads).not.toContain('/srv/.kube-dns-tools.yaml');
  });

  it('stops at the file-system root when there is no repository', () => {
    expect(findLintConfig('/a/b/c', memoryFs({}))).toBeUndefined();
  });
});
