import { parseArgv } from '../../src/dnsmasq/argv/argv.js';
import { parseServerValue } from '../../src/dnsmasq/server/server.js';
import { isServerOptionKind } from '../../src/dnsmasq/server/server-spec.js';
import { mutate, prng } from './mutations.js';
import { SEED_ARGVS, SWAPPABLE_OPTIONS } from './seed-argvs.js';

const VALUE_OPTIONS = new Set<string>([...SWAPPABLE_OPTIONS, 'user', 'pid-file', 'local-service']);

/**
 * Whether `dnsmasq --test` can judge this argv without reading files or resolving a hostname:
 * only flags and options whose values we model, and no server value that names a host.
 */
function admissible(argv: readonly string[]): boolean {
  for (const option of parseArgv(argv).options) {
    const long = option.spec.long;
    if (option.spec.arg !== 'none' && !VALUE_OPTIONS.has(long)) return false;
    if (isServerOptionKind(long) && option.value !== undefined) {
      const result = parseServerValue(long, option.value);
      if (result.ok && result.spec.target.kind === 'hostname') return false;
    }
  }
  return true;
}

/** `count` distinct admissible argvs: the seeds themselves, then mutations of them. */
export function generateCases(count: number, seed = 20261126): string[][] {
  const rand = prng(seed);
  const seen = new Set<string>();
  const cases: string[][] = [];
  const add = (argv: string[]) => {
    const key = JSON.stringify(argv);
    if (seen.has(key) || !admissible(argv)) return;
    seen.add(key);
    cases.push(argv);
  };
  for (const argv of SEED_ARGVS) add([...argv]);
  for (let attempts = 0; cases.length < count && attempts < count * 20; attempts++) {
    add(mutate(SEED_ARGVS[Math.floor(rand() * SEED_ARGVS.length)]!, rand));
  }
  return cases;
}
