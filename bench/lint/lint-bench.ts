import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { lintText } from '@kube-dns-tools/core/lint';
import { corpusFiles, readCorpus } from '../../packages/core/test/lint/corpus-files.js';
import { generateWorkspace } from './generate-workspace.js';
import { corefileWorkloads } from './corefile-workload.js';

/**
 * Median wall time in ms of each of `fns`, measured in rounds that run every fn once in turn (after one warm-up
 * round), at most `runs` rounds or `budgetMs` of measuring: a change in the machine's load hits every side of a
 * ratio alike.
 */
function alternatingMedians(fns: readonly (() => void)[], runs: number, budgetMs = 40_000): number[] {
  for (const fn of fns) fn();
  const times: number[][] = fns.map(() => []);
  const started = performance.now();
  for (let i = 0; i < runs && performance.now() - started < budgetMs; i++) {
    fns.forEach((fn, k) => {
      const t = performance.now();
      fn();
      times[k]!.push(performance.now() - t);
    });
  }
  return times.map((ts) => [...ts].sort((a, b) => a - b)[Math.floor(ts.length / 2)]!);
}

function row(label: string, bytes: number, lintMs: number, parseMs: number): string {
  return `${label.padEnd(28)} ${(bytes / 1e6).toFixed(2).padStart(6)} MB   lint ${lintMs.toFixed(1).padStart(8)} ms   yaml.parseAllDocuments ${parseMs.toFixed(1).padStart(8)} ms   ratio ${(lintMs / parseMs).toFixed(2)}x`;
}

const repo = process.argv[2] ?? process.cwd();
const small = generateWorkspace(512 * 1024);
const large = generateWorkspace(5 * 1024 * 1024);
const corpusRoot = join(repo, 'packages/core/test/fixtures/corpus');
const corpus = corpusFiles(corpusRoot).map((path) => ({ path, text: readCorpus(path, corpusRoot) }));
const corpusBytes = corpus.reduce((n, c) => n + c.text.length, 0);

// The small workspace is linted ten times per round, so both sides of the scaling ratio lint the same bytes.
const [lintLarge, parseLarge, tenSmall] = alternatingMedians(
  [
    () => lintText(large, { filePath: 'workspace.yaml' }),
    () => parseAllDocuments(large),
    () => {
      for (let k = 0; k < 10; k++) lintText(small, { filePath: 'workspace.yaml' });
    },
  ],
  7,
) as [number, number, number];
const lintSmall = tenSmall / 10;
const [lintCorpus, parseCorpus] = alternatingMedians(
  [() => corpus.forEach((c) => lintText(c.text, { filePath: c.path })), () => corpus.forEach((c) => parseAllDocuments(c.text))],
  15,
) as [number, number];

const findings = lintText(large, { filePath: 'workspace.yaml' });
console.log(`kube-dns-tools lint benchmark (median of runs, one process; ${findings.invocations} dnsmasq invocations in the 5 MB workspace)`);
console.log(row('generated workspace', large.length, lintLarge, parseLarge));
console.log(row(`shared corpus (${corpus.length} files)`, corpusBytes, lintCorpus, parseCorpus));
const scale = lintLarge / lintSmall;
const inputScale = large.length / small.length;
console.log(`scaling: ${inputScale.toFixed(1)}x the input (${(small.length / 1e6).toFixed(2)} MB -> ${(large.length / 1e6).toFixed(2)} MB) costs ${scale.toFixed(2)}x the lint time`);
const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');
console.log(`targets: lint <= 1.5x parse on the workspace: ${verdict(lintLarge / parseLarge <= 1.5)}; on the corpus: ${verdict(lintCorpus / parseCorpus <= 1.5)}; 10x input <= 11x time: ${verdict(scale <= inputScale * 1.1)}`);

// Corefiles: the same engine call on CoreDNS ConfigMaps; target lint <= 1.5x the bare YAML parse.
for (const w of corefileWorkloads(repo)) {
  const [lintMs, parseMs] = alternatingMedians([w.lint, w.parse], 21, 20_000) as [number, number];
  console.log(`${row(w.label, w.bytes, lintMs, parseMs)}   target <= 1.5x: ${verdict(lintMs / parseMs <= 1.5)}`);
}
