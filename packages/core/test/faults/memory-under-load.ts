// Drives a forwarder with distinct-name queries in phases and samples its RSS after each phase.
import { randomInt } from 'node:crypto';
import { blast } from './udp-blast.js';
import { validQuery } from './malformed-packets.js';
import type { TargetServer } from './target-server.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function* distinctQueries(prefix: string, count: number): Generator<Buffer> {
  for (let i = 0; i < count; i++) yield validQuery(`${prefix}${i}.fault.example`, randomInt(0, 65536));
}

export interface MemoryTrace {
  /** RSS in KiB after the warm-up phase and after each load phase. */
  rss: number[];
  /** KiB grown from the end of the warm-up to the end of the last phase. */
  growthKiB: number;
}

/** A warm-up of `warm` queries, then `phases` phases of `perPhase` queries, each at about 5,000 per second. */
export async function measureUnderLoad(t: TargetServer, tag: string, opts = { warm: 2000, perPhase: 10_000, phases: 2 }): Promise<MemoryTrace> {
  await blast(t.port, distinctQueries(`${tag}-w`, opts.warm), { burst: 100, everyMs: 20 });
  await sleep(300);
  const rss = [t.rssKiB()];
  for (let p = 0; p < opts.phases; p++) {
    await blast(t.port, distinctQueries(`${tag}-${p}-`, opts.perPhase), { burst: 100, everyMs: 20, maxMs: 15_000 });
    await sleep(300);
    rss.push(t.rssKiB());
  }
  return { rss, growthKiB: rss.at(-1)! - rss[0]! };
}
