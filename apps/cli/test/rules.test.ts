import { RULE_CATALOG } from '@kube-dns-tools/core/lint';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

interface Listed {
  id: string;
  language: string;
  severity: string;
  fixable: boolean;
  docs: string;
  refs: string[];
}

describe('kube-dns-tools rules', () => {
  it('--format json lists every rule, dnsmasq and corefile, with refs for Corefile rules', () => {
    const run = runCli(['rules', '--format', 'json']);
    expect(run.status).toBe(0);
    const rules = JSON.parse(run.stdout) as Listed[];
    expect(rules.map((r) => r.id)).toEqual(RULE_CATALOG.map((r) => r.id));
    for (const r of rules) {
      expect(Object.keys(r).sort()).toEqual(['docs', 'fixable', 'id', 'language', 'refs', 'severity']);
      expect(['dnsmasq', 'corefile']).toContain(r.language);
      expect(r.docs).toMatch(new RegExp(`/docs/rules/${r.id}\\.md$`));
      if (r.language === 'corefile') expect(r.refs.every((ref) => /^CF0\d\d$/.test(ref)) && r.refs.length > 0).toBe(true);
      else expect(r.refs).toEqual([]);
    }
    expect(rules.find((r) => r.id === 'no-negcache')).toMatchObject({ language: 'dnsmasq', severity: 'warning', fixable: true });
    expect(rules.find((r) => r.id === 'coredns-long-denial-cache')).toMatchObject({ language: 'corefile', severity: 'warning', fixable: true, refs: ['CF002'] });
    const covered = new Set(rules.flatMap((r) => r.refs));
    for (const core of ['CF001', 'CF002', 'CF003', 'CF004', 'CF005', 'CF006', 'CF007', 'CF008', 'CF012', 'CF013', 'CF014', 'CF021', 'CF022', 'CF026']) expect(covered).toContain(core);
  });

  it('prints a table by default and refuses an unknown format', () => {
    const table = runCli(['rules']);
    expect(table.status).toBe(0);
    expect(table.stdout.split('\n')[0]).toMatch(/^ID\s+LANGUAGE\s+SEVERITY\s+FIXABLE\s+REFS$/);
    expect(table.stdout).toMatch(/^coredns-proxy-plugin\s+corefile\s+error\s+yes\s+CF013$/m);
    expect(table.stdout.trim().split('\n')).toHaveLength(RULE_CATALOG.length + 1);
    const bad = runCli(['rules', '--format', 'xml']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--format xml/);
  });
});
