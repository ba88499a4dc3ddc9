import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { ManifestModel } from '../../src/manifest/model.js';
import { readManifest } from '../../src/manifest/read-manifest.js';

function expectRangesInside(model: ManifestModel): void {
  const n = model.text.length;
  const inside = (r: { start: number; end: number }): void => {
    expect(r.start).toBeGreaterThanOrEqual(0);
    expect(r.end).toBeGreaterThanOrEqual(r.start);
    expect(r.end).toBeLessThanOrEqual(n);
  };
  for (const p of model.parseProblems) inside(p.range);
  for (const inv of model.invocations) {
    inside(inv.containerRange);
    inside(inv.workload.kindRange);
    for (const arg of inv.args) {
      inside(arg);
      for (let i = 0; i <= arg.text.length; i++) {
        const at = arg.map ? arg.map(i) : arg.start + i;
        expect(at).toBeGreaterThanOrEqual(0);
        expect(at).toBeLessThanOrEqual(n);
        // Each character comes from itself, or from the escape / quote / line break that stands for it.
        if (i < arg.text.length) expect([arg.text[i], '\\', '\n', '\r', "'", '"']).toContain(model.text[at]);
      }
    }
    // Edits must be computable and inside the text too.
    for (const edit of [...(inv.insertion.cannotAppend ? [] : [inv.insertion.append(['--no-negcache'])]), ...inv.args.slice(0, 2).map((a) => inv.insertion.remove(a))]) inside(edit);
  }
  for (const cm of model.configMaps) {
    for (const v of [cm.upstreamNameservers, cm.stubDomains, cm.federations]) if (v) inside(v.range);
  }
}

const check = (text: string, filePath?: string): void => {
  const model = readManifest(text, filePath === undefined ? {} : { filePath });
  expectRangesInside(model);
};

/** Lines a kube-dns manifest (or a broken template of one) is made of. */
const FRAGMENTS = [
  'kind: Deployment', 'kind: List', 'items:', 'kind: ConfigMap', 'metadata:', '  name: kube-dns', 'data:',
  '  stubDomains: |', '    {"a": ["1.2.3.4"]}', 'spec:', '  template:', '    spec:', '      containers:',
  '      - name: dnsmasq', '        image: k8s-dns-dnsmasq-nanny', '        command: ["sh", "-c", "exec dnsmasq -k \'a', '        args:',
  '        - --', '        - -k', '        - "--server=/x/\\t1.2.3.4"', "        - '--cache-size=1''0'", '        - >-',
  '          folded', '{{ if .X }}', '{{ end }}', '{% for x in y %}', '<%= p %>', '${x}', '---', '\t- tab', '- [a, "b"', '}',
  '  args: [', '"', "'", '#', ': :', '- - -', '&a', '*a', '!!str', '? key', '\r',
];

describe('readManifest never throws and keeps every range inside the text', () => {
  test('random YAML-ish lines', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 30 }), fc.constantFrom('\n', '\r\n'), (lines, eol) => check(lines.join(eol))),
      { numRuns: 400 },
    );
  });

  test('random JSON', () => {
    fc.assert(fc.property(fc.json(), (json) => check(json, 'x.json')), { numRuns: 200 });
  });

  test('random strings and bytes', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => check(s)), { numRuns: 300 });
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => check(Buffer.from(bytes).toString('latin1'), 'x.yaml.j2')),
      { numRuns: 300 },
    );
  });

  test('corpus files cut and spliced at random places', () => {
    const corpus = join(__dirname, '../fixtures/corpus');
    const texts = [
      'kube-aws@953e56ea/dnsmasq-node-ds.yaml',
      'coreos-kubernetes@84b58b74/kube-dns-rc.json',
      'rke@d41abc7d/kubedns.go.KubeDNSTemplate.yaml',
      'kubespray@28473e91/kubedns-rc.yml',
    ].map((p) => readFileSync(join(corpus, p), 'utf8'));
    fc.assert(
      fc.property(fc.constantFrom(...texts), fc.nat(), fc.nat(), fc.constantFrom('', '"', "'", '{{', '\t', '- ', '\n  '), (text, a, b, insert) => {
        const from = a % text.length;
        const to = Math.min(text.length, from + (b % 200));
        check(text.slice(0, from) + insert + text.slice(to));
      }),
      { numRuns: 150 },
    );
  });

  test('a non-string input is reported, not thrown', () => {
    const model = readManifest(undefined as unknown as string);
    expect(model.parseProblems[0]?.message).toMatch(/not text/);
  });
});
