// Peak memory of `kube-dns-tools lint` on the two shapes of issue 14 (a huge argument list, thousands of
// documents) at 1x, 2x and 4x: `node bench/lint/memory-bench.mjs [--scale N]` after `npm run build`.
// Prints, per run, the input size, the peak resident memory, its growth over a one-document run, and the
// ratios the issue asks for: growth / input (target: under 10) and growth(2x) / growth(1x) (linear: about 2).
// Peak RSS includes garbage V8 has not collected yet; the binding check is the last column: whether the run
// finishes with a V8 heap limited to 10x the input (apps/cli/test/lint-memory.test.ts makes the same check).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { manyArgsManifest, manyDocumentsManifest } from './memory-inputs.mjs';

const cli = fileURLToPath(new URL('../../apps/cli/dist/cli.js', import.meta.url));
const preload = fileURLToPath(new URL('report-max-rss.cjs', import.meta.url));
const scaleAt = process.argv.indexOf('--scale');
const scale = scaleAt > 0 ? Number(process.argv[scaleAt + 1]) : 1;
const SHAPES = [
  { name: 'arguments', make: manyArgsManifest, sizes: [25_000, 50_000, 100_000] },
  { name: 'documents', make: manyDocumentsManifest, sizes: [500, 1_000, 2_000] },
];
const MB = 1024 * 1024;

const dir = mkdtempSync(join(tmpdir(), 'kdt-lint-memory-'));
try {
  const baseline = peak(write('baseline.yaml', manyDocumentsManifest(1)));
  console.log(`baseline (one document): peak ${(baseline / MB).toFixed(0)} MB`);
  for (const shape of SHAPES) {
    let previous;
    for (const size of shape.sizes.map((s) => Math.round(s * scale))) {
      const file = write(`${shape.name}-${size}.yaml`, shape.make(size));
      const input = Buffer.byteLength(readFileSync(file));
      const started = Date.now();
      const rss = peak(file);
      const fits = peak(file, Math.ceil((10 * input) / MB)) !== undefined;
      const growth = rss - baseline;
      const linear = previous ? `, growth x${(growth / previous).toFixed(2)} for input x${(input / previousInput).toFixed(2)}` : '';
      console.log(
        `${shape.name} ${size}: input ${(input / MB).toFixed(1)} MB, peak ${(rss / MB).toFixed(0)} MB, ` +
          `growth ${(growth / MB).toFixed(0)} MB = ${(growth / input).toFixed(1)}x input${linear}; ` +
          `fits in a 10x heap: ${fits ? 'yes' : 'NO'} (${((Date.now() - started) / 1000).toFixed(1)} s)`,
      );
      previous = growth;
      var previousInput = input;
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

function write(name, text) {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

/** Peak resident bytes of one `lint --format json` run; undefined when a `heapMb` limit made V8 give up. */
function peak(file, heapMb) {
  const report = `${file}.rss`;
  const limit = heapMb === undefined ? [] : [`--max-old-space-size=${heapMb}`];
  const run = spawnSync(process.execPath, [...limit, '--require', preload, cli, 'lint', '--format', 'json', file], {
    env: { ...process.env, KDT_MAX_RSS_FILE: report },
    stdio: ['ignore', 'ignore', 'pipe'],
    maxBuffer: 64 * MB,
  });
  if (heapMb !== undefined && run.status !== 0 && run.status !== 1) return undefined;
  if (run.status !== 0 && run.status !== 1) throw new Error(`lint ${file} exited ${run.status ?? run.signal}: ${run.stderr}`);
  return Number(readFileSync(report, 'utf8'));
}
