import { describe, expect, it } from 'vitest';
import { lintText } from '../../src/lint/lint-text.js';
import { hasPlaceholder } from '../../src/manifest/placeholder.js';
import { CONDITIONAL_FINDINGS, CORPUS_EXPECTATIONS } from './corpus-expectations.js';
import { corpusFiles, readCorpus } from './corpus-files.js';

describe('the shared corpus, linted', () => {
  it('has an expectation for every file and a file for every expectation', () => {
    expect(corpusFiles().sort()).toEqual(Object.keys(CORPUS_EXPECTATIONS).sort());
  });

  for (const file of corpusFiles()) {
    it(`${file}: ${(CORPUS_EXPECTATIONS[file] ?? []).join(', ') || 'no finding'}`, () => {
      const text = readCorpus(file);
      // The CoreDNS files here are contrast cases for dnsmasq; their Corefile findings are scored in test/corefile.
      const findings = lintText(text, { filePath: file }).findings.filter((f) => !f.ruleId.startsWith('coredns-'));
      expect([...new Set(findings.map((f) => f.ruleId))].sort()).toEqual([...(CORPUS_EXPECTATIONS[file] ?? [])].sort());
      for (const f of findings) {
        // Never a finding on a placeholder.
        expect(hasPlaceholder(text.slice(f.span.start, f.span.end)), `${f.ruleId} at ${f.span.start}`).toBe(false);
        expect(f.span.end).toBeGreaterThanOrEqual(f.span.start);
        expect(f.docsUrl).toMatch(new RegExp(`/docs/rules/${f.ruleId}\\.md$`));
      }
    });
  }

  it('reports options that only appear inside a template conditional as conditional', () => {
    for (const { file, ruleId } of CONDITIONAL_FINDINGS) {
      const finding = lintText(readCorpus(file), { filePath: file }).findings.find((f) => f.ruleId === ruleId);
      expect(finding?.message, file).toMatch(/conditional/);
    }
  });

  it('points in6.arpa findings at the domain itself', () => {
    const file = 'kops@5fc7b676/k8s-1.6.yaml.template';
    const text = readCorpus(file);
    const f = lintText(text, { filePath: file }).findings.find((x) => x.ruleId === 'server-suspicious')!;
    expect(text.slice(f.span.start, f.span.end)).toBe('in6.arpa');
  });

  it('points a broken ConfigMap JSON finding at the typographic quote', () => {
    const file = 'kubernetes-website@0a59de21/2017-04-00-Configuring-Private-Dns-Zones-Upstream-Nameservers-Kubernetes.md.snippet1.yaml';
    const text = readCorpus(file);
    const found = lintText(text, { filePath: file }).findings.filter((x) => x.ruleId === 'configmap-json');
    expect(found).toHaveLength(2);
    for (const f of found) expect(text.slice(f.span.start, f.span.end)).toBe('“');
  });
});
