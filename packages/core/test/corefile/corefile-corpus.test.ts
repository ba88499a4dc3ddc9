import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lintText } from '../../src/lint/lint-text.js';
import { COREFILE_RULES } from '../../src/lint/rules/corefile/index.js';

const dir = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/coredns-corpus');

interface Expected {
  ruleId: string;
  line?: number;
  lines?: [number, number];
}
interface FileExpectation {
  findings: Expected[];
  mayFire: Expected[];
  mustNotFire: string[];
}
const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as { files: Record<string, FileExpectation> };

const refsOf = new Map(COREFILE_RULES.map((r) => [r.id, r.refs]));
const covers = (e: Expected, line: number): boolean => (e.line !== undefined ? e.line === line : line >= e.lines![0] && line <= e.lines![1]);

describe('CoreDNS corpus (expected.json)', () => {
  for (const [name, want] of Object.entries(expected.files)) {
    it(`${name}: every expected finding at its line, nothing else`, () => {
      const text = readFileSync(join(dir, name), 'utf8');
      const { findings } = lintText(text, { filePath: name });
      const unmet = [...want.findings];
      const unexpected: string[] = [];
      for (const f of findings) {
        const line = f.span.startPosition.line + 1;
        const refs = refsOf.get(f.ruleId);
        if (!refs) {
          if (f.severity === 'error' || f.severity === 'warning') unexpected.push(`${f.ruleId}@${line}: ${f.message}`);
          continue;
        }
        for (const ref of refs) expect(want.mustNotFire, `${f.ruleId}@${line} is ${ref}, which must not fire: ${f.message}`).not.toContain(ref);
        const k = unmet.findIndex((e) => refs.includes(e.ruleId) && covers(e, line));
        if (k >= 0) {
          unmet.splice(k, 1);
          continue;
        }
        const tolerated = [...want.mayFire, ...want.findings].some((e) => refs.includes(e.ruleId) && covers(e, line));
        if (!tolerated) unexpected.push(`${f.ruleId}@${line}: ${f.message}`);
      }
      expect(unexpected).toEqual([]);
      expect(unmet).toEqual([]);
    });
  }
});

describe('CoreDNS files of the kube-dns corpus (contrast cases for dnsmasq)', () => {
  const expectedThere: Record<string, string[]> = {
    'kubeadm@8444b373/manifests.go.CoreDNSConfigMap.yaml': ['coredns-pods-insecure@13', 'coredns-kubernetes-upstream@14'],
    'kubernetes-website@0189ae0f/dns-custom-nameservers.md.coredns-configmap.yaml': ['coredns-pods-insecure@15'],
    'kubespray@46dbdd39/coredns-config.yml.j2': ['coredns-pods-insecure@57'],
    'kubespray@46dbdd39/nodelocaldns-config.yml.j2': [25, 47, 64, 75, 94, 112, 134, 151, 162, 181].map((l) => `coredns-env-substitution@${l}`),
    'minikube@82e99145/coreDNS-configmap.yaml': ['coredns-pods-insecure@15', 'coredns-kubernetes-upstream@16', 'coredns-proxy-plugin@20'],
  };
  const root = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/corpus');
  for (const [file, want] of Object.entries(expectedThere)) {
    it(file, () => {
      const text = readFileSync(join(root, file), 'utf8');
      const got = lintText(text, { filePath: file }).findings.filter((f) => f.ruleId.startsWith('coredns-'));
      expect(got.map((f) => `${f.ruleId}@${f.span.startPosition.line + 1}`)).toEqual(want);
      for (const f of got.filter((x) => x.ruleId === 'coredns-env-substitution')) expect(text.slice(f.span.start, f.span.end)).toBe('{$MY_HOST_IP}');
    });
  }
});
