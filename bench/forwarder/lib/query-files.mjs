// dnsperf input files: 100 names that stay cached, 50,000 distinct names that never hit a 1,000-entry cache, and
// for each latency slice names no server was asked before (so every one is a miss even right after a throughput run).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function writeQueryFiles(dir) {
  const hit = join(dir, 'hit100.txt');
  const miss = join(dir, 'miss50k.txt');
  writeFileSync(hit, Array.from({ length: 100 }, (_, i) => `n${i}.hit.bench.example A\n`).join(''));
  writeFileSync(miss, Array.from({ length: 50_000 }, (_, i) => `m${i}.miss.bench.example A\n`).join(''));
  const warmMiss = join(dir, 'warm-miss.txt');
  writeFileSync(warmMiss, Array.from({ length: 10_000 }, (_, i) => `w${i}.warm.bench.example A\n`).join(''));
  const latencyMiss = (round, slice, count) => {
    const file = join(dir, `lat-miss-${round}-${slice}.txt`);
    writeFileSync(file, Array.from({ length: count }, (_, i) => `l${i}.s${slice}.r${round}.miss.bench.example A\n`).join(''));
    return file;
  };
  return { hit, miss, warmMiss, latencyMiss };
}
