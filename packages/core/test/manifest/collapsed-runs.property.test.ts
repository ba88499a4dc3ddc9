import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { collapseRuns, DEFAULT_MIN_RUN } from '../../src/manifest/collapsed-runs.js';
import type { ConfigMapValue, ManifestModel } from '../../src/manifest/model.js';
import { readManifest } from '../../src/manifest/read-manifest.js';

/**
 * Long runs of one-line list items are read apart from `yaml` (collapsed-runs.ts). Whatever the list looks like,
 * the model must be the very one `yaml` gives when it reads every item: same words, ranges, offsets and edits.
 */

function values(value: ConfigMapValue | undefined): unknown {
  if (!value) return undefined;
  return { value: value.value, range: value.range, templated: value.templated, map: value.map ? Array.from({ length: value.value.length + 1 }, (_, i) => value.map!(i)) : undefined };
}

const attempt = (f: () => unknown): unknown => {
  try {
    return f();
  } catch (e) {
    return `throws: ${e instanceof Error ? e.message : String(e)}`;
  }
};

/** Everything a model says, functions evaluated at every index. */
function snapshot(model: ManifestModel): unknown {
  return {
    parseProblems: model.parseProblems,
    configMaps: model.configMaps.map((c) => ({ workload: c.workload, u: values(c.upstreamNameservers), s: values(c.stubDomains), f: values(c.federations) })),
    confTexts: (model.confTexts ?? []).map((c) => ({ workload: c.workload, key: c.key, value: values(c.value) })),
    invocations: model.invocations.map((inv) => ({
      ...inv,
      args: inv.args.map((a) => ({ ...a, map: a.map ? Array.from({ length: a.text.length + 1 }, (_, i) => a.map!(i)) : undefined })),
      insertion: {
        cannotAppend: inv.insertion.cannotAppend,
        append: attempt(() => inv.insertion.append(['--log-queries', '--log-facility=-'])),
        replace: inv.args.map((a) => attempt(() => inv.insertion.replace(a, '--x=1'))),
        remove: inv.args.map((a) => attempt(() => inv.insertion.remove(a))),
      },
    })),
  };
}

function expectSameModel(text: string): void {
  // Runs from 3 items, so that short generated lists go through the collapsed path too.
  const apart = readManifest(text, { minCollapsedRun: 3 });
  const whole = readManifest(text, { minCollapsedRun: Infinity });
  expect(snapshot(apart)).toEqual(snapshot(whole));
}

/** List item lines: most are runs material, the rest break runs or make the document refuse them. */
const ITEMS = [
  '- --server=/svc.cluster.local/10.0.0.1#53', '- -k', '- --cache-size=1000', '- --log-facility=-', '- --address=/x/::1',
  '- a:b', '- --x=a#b', '- --trailing   ', '-   --wide', '- --', '- -v=2', '- {{ .Values.x }}', '- --server=${UPSTREAM}',
  '- ---', '- ...', '- 12', '- true', '- ~', '- -', '-', '- - nested', '- a: b', '- a:', '- a # comment', '# comment',
  '', '   ', '- "quoted"', "- 'single'", '- &anchor a', '- *anchor', '- !!str tagged', '- [flow]', '- {a: 1}', '- |',
  '  literal line', '  - in a block?', '- >-', '\t- tab', '  continuation', '  - deeper', '- é', '- a\tb', '- %x', '- @x',
  '{{ if .A }}', '{{ end }}', '- ?x', '- :x', '- ,x',
];
const KEYS = ['args:', 'command:', 'args: # the flags', 'args:#x', 'args: []', 'command:   '];

const manifestArb = fc
  .record({
    image: fc.constantFrom('k8s-dns-dnsmasq-nanny:1.23', 'dnsmasq:2.90', 'busybox'),
    key: fc.constantFrom(...KEYS),
    listIndent: fc.constantFrom('', '  '),
    lines: fc.array(fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...ITEMS.slice(0, 11)) }, { weight: 2, arbitrary: fc.constantFrom(...ITEMS) }), { maxLength: 40 }),
    after: fc.constantFrom('', '        ports:\n        - containerPort: 53\n', '      - name: other\n        args:\n        - a\n        - b\n        - c\n'),
    eol: fc.constantFrom('\n', '\r\n'),
    configMap: fc.boolean(),
  })
  .map(({ image, key, listIndent, lines, after, eol, configMap }) => {
    const list = lines.map((l) => (l === '' ? '' : `        ${listIndent}${l}`)).join('\n');
    const cm = configMap ? `---\nkind: ConfigMap\nmetadata:\n  name: dnsmasq\ndata:\n  dnsmasq.conf: |\n    command:\n    - a\n    - b\n    - c\n    - d\n  args:\n  - x\n  - y\n  - z\n` : '';
    const text = `kind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n      - name: dnsmasq\n        image: ${image}\n        ${key}\n${list}\n${after}${cm}`;
    return eol === '\n' ? text : text.replace(/\n/g, eol);
  });

describe('runs of list items read apart from yaml', () => {
  test('the model is the one yaml gives reading every item', () => {
    fc.assert(fc.property(manifestArb, expectSameModel), { numRuns: 600 });
  });

  test('a long list is read apart, and the same', () => {
    const items = Array.from({ length: 500 }, (_, i) => `        - --server=/svc-${i}.cluster.local/10.0.${i >> 8}.${i & 255}`).join('\n');
    const text = `kind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n      - name: dnsmasq\n        image: dnsmasq:2.90\n        args:\n${items}\n        - --log-queries\n`;
    const collapsed = collapseRuns(text, 0, text.length);
    expect(collapsed?.runs.size).toBe(1);
    expect([...collapsed!.runs.values()][0]!.bounds.length).toBe(2 * 499);
    expect(collapsed!.text.length).toBe(text.length);
    expectSameModel(text);
    expect(readManifest(text).invocations[0]!.args.length).toBe(501);
  });

  test('an ordinary argv (under DEFAULT_MIN_RUN items) is left to yaml', () => {
    const items = Array.from({ length: DEFAULT_MIN_RUN - 1 }, (_, i) => `        - --server=/svc-${i}.cluster.local/10.0.0.${i}`).join('\n');
    const text = `kind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n      - name: dnsmasq\n        image: dnsmasq:2.90\n        args:\n${items}\n`;
    expect(collapseRuns(text, 0, text.length)).toBeUndefined();
    expect(collapseRuns(`${text}        - --log-queries\n`, 0, text.length + 24)?.runs.size).toBe(1);
  });

  test('a run yaml does not confirm (inside a block scalar) leaves the document to yaml', () => {
    const text = 'kind: ConfigMap\nmetadata:\n  name: dnsmasq\ndata:\n  dnsmasq.conf: |\n    args:\n    - a\n    - b\n    - c\n    - d\n';
    expect(collapseRuns(text, 0, text.length, 3)?.runs.size).toBe(1);
    expectSameModel(text);
    expect(readManifest(text).confTexts?.[0]?.value.value).toBe('args:\n- a\n- b\n- c\n- d\n');
  });
});
