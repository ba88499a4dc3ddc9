// dnsperf input files: 100 names that stay cached, and 50,000 distinct names that never hit a 1,000-entry cache.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function writeQueryFiles(dir) {
  const hit = join(dir, 'hit100.txt');
  const miss = join(dir, 'miss50k.txt');
  writeFileSync(hit, Array.from({ length: 100 }, (_, i) => `n${i}.hit.bench.example A\n`).join(''));
  writeFileSync(miss, Array.from({ length: 50_000 }, (_, i) => `m${i}.miss.bench.example A\n`).join(''));
  return { hit, miss };
}
