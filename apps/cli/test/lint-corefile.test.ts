import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'kdt-corefile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const CONFIGMAP = `apiVersion: v1
kind: ConfigMap
metadata:
  name: coredns
  namespace: kube-system
data:
  Corefile: |
    .:53 {
        errors
        kubernetes cluster.local {
          upstream
        }
        forward . 10.0.0.10#5353 8.8.8.8
        cache
        loop
    }
`;

describe('kube-dns-tools lint on Corefiles', () => {
  it('reads a CoreDNS ConfigMap and a standalone Corefile from a folder walk (json)', () => {
    writeFileSync(join(dir, 'coredns.yaml'), CONFIGMAP);
    writeFileSync(join(dir, 'Corefile'), '.:53 {\n\tproxy . 8.8.8.8 1.1.1.1\n}\n');
    const run = runCli(['lint', '--format', 'json', dir]);
    expect(run.status).toBe(1);
    const files = JSON.parse(run.stdout) as { filePath: string; findings: { ruleId: string; line: number }[] }[];
    const byFile = Object.fromEntries(files.map((f) => [f.filePath.split(/[\\/]/).pop(), f.findings.map((x) => `${x.ruleId}@${x.line}`)]));
    expect(byFile['Corefile']).toEqual(['coredns-proxy-plugin@2']);
    expect(byFile['coredns.yaml']).toEqual(['coredns-kubernetes-upstream@11', 'coredns-hash-in-token@13', 'coredns-long-denial-cache@14']);
  });

  it('--coredns-version judges removed options against the version; a bad version is a usage error', () => {
    const file = join(dir, 'old', 'Corefile');
    rmSync(join(dir, 'old'), { recursive: true, force: true });
    mkdirSync(join(dir, 'old'));
    writeFileSync(file, '.:53 {\n    proxy . 8.8.8.8 1.1.1.1\n}\n');
    expect(runCli(['lint', '--coredns-version', '1.4.0', file]).status).toBe(0);
    expect(runCli(['lint', '--coredns-version', 'latest', file]).status).toBe(2);
  });

  it('takes corednsVersion from .kube-dns-tools.yaml when --coredns-version is not given; the flag wins', () => {
    const repo = join(dir, 'repo');
    rmSync(repo, { recursive: true, force: true });
    mkdirSync(join(repo, '.git'), { recursive: true });
    mkdirSync(join(repo, 'dns'));
    const file = join(repo, 'dns', 'Corefile');
    writeFileSync(file, '.:53 {\n    proxy . 8.8.8.8 1.1.1.1\n}\n');
    const ids = (args: string[]) => (JSON.parse(runCli(['lint', '--format', 'json', ...args, file]).stdout) as { findings: { ruleId: string }[] }[])[0]!.findings.map((f) => f.ruleId);
    expect(ids([])).toEqual(['coredns-proxy-plugin']);

    writeFileSync(join(repo, '.kube-dns-tools.yaml'), 'corednsVersion: 1.4.0\n');
    expect(ids([])).toEqual([]);
    expect(ids(['--coredns-version', '1.6.0'])).toEqual(['coredns-proxy-plugin']);

    writeFileSync(join(repo, '.kube-dns-tools.yaml'), 'corednsVersion: newest\n');
    const bad = runCli(['lint', '--format', 'json', file]);
    expect(bad.stderr).toContain('.kube-dns-tools.yaml: corednsVersion: "newest" is not a CoreDNS version such as 1.11.3 (ignored)');
    expect(JSON.parse(bad.stdout)[0].findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(['coredns-proxy-plugin']);
  });

  it('--fix edits the ConfigMap in its own indentation and the result lints clean of the fixed rules', () => {
    const file = join(dir, 'fix.yaml');
    writeFileSync(file, CONFIGMAP);
    runCli(['lint', '--fix', file]);
    const out = readFileSync(file, 'utf8');
    expect(out).toContain('        forward . 10.0.0.10:5353 8.8.8.8\n');
    expect(out).toContain('        cache {\n          denial 9984 30\n        }\n');
    expect(out).not.toContain('upstream');
    const again = runCli(['lint', '--format', 'json', file]);
    expect(JSON.parse(again.stdout)[0].findings).toEqual([]);
  });
});
