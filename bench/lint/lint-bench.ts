import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { lintText } from '@kube-dns-tools/core/lint';
import { corpusFiles, readCorpus } from '../../packages/core/test/lint/corpus-files.js';
import { generateWorkspace } from './generate-workspace.js';
import { corefileWorkloads } from './corefile-workload.js';

/** Median wall time of `fn` in ms over `runs` runs after one warm-up, bounded to `budgetMs` of measuring. */
function median(fn: () => void, runs: number, budgetMs = 20_000): number {
  fn();
  const times: number[] = [];
  const started = performance.now();
  for (let i = 0; i < runs && performance.now() - started < budgetMs; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
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

const lintLarge = median(() => lintText(large, { filePath: 'workspace.yaml' }), 7);
const parseLarge = median(() => parseAllDocuments(large), 5);
const lintSmall = median(() => lintText(small, { filePath: 'workspace.yaml' }), 15);
const lintCorpus = median(() => corpus.forEach((c) => lintText(c.text, { filePath: c.path })), 15);
const parseCorpus = median(() => corpus.forEach((c) => parseAllDocuments(c.text)), 15);

const findings = lintText(large, { filePath: 'workspace.yaml' });
console.log(`kube-dns-tools lint benchmark (median of runs, one process; ${findings.invocations} dnsmasq invocations in the 5 MB workspace)`);
console.log(row('generated workspace', large.length, lintLarge, parseLarge));
console.log(row(`shared corpus (${corpus.length} files)`, corpusBytes, lintCorpus, parseCorpus));
const scale = lintLarge / lintSmall;
const inputScale = large.length / small.length;
console.log(`scaling: ${inputScale.toFixed(1)}x the input (${(small.length / 1e6).toFixed(2)} MB -> ${(large.length / 1e6).toFixed(2)} MB) costs ${scale.toFixed(2)}x the lint time`);
const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');
console.log(`targets: lint <= 1.5x parse on the workspace: ${verdict(lintLarge / parseLarge <= 1.5)}; on the corpus: ${verdict(lintCorpus / parseCorpus <= 1.5)}; 10x input <= 11x time: ${verdict(scale <= inputScale * 1.1)}`);

// Corefiles: the same engine call on CoreDNS ConfigMaps; target lint <= 1.5x the bare YAML parse. Lint and parse
// alternate run by run, so a load change on the (shared) machine hits both sides of the ratio alike.
for (const w of corefileWorkloads(repo)) {
  w.lint();
  w.parse();
  const lints: number[] = [];
  const parses: number[] = [];
  const started = performance.now();
  for (let i = 0; i < 21 && performance.now() - started < 20_000; i++) {
    let t = performance.now();
    w.lint();
    lints.push(performance.now() - t);
    t = performance.now();
    w.parse();
    parses.push(performance.now() - t);
  }
  const mid = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const lintMs = mid(lints);
  const parseMs = mid(parses);
  console.log(`${row(w.label, w.bytes, lintMs, parseMs)}   target <= 1.5x: ${verdict(lintMs / parseMs <= 1.5)}`);
}
