// Loads the scenario file and checks scenarios against a command: safe ones in parallel,
// timing-sensitive ones one at a time with one retry (expectations are never loosened).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Scenario, ScenarioFile } from './scenario-format.js';
import { BASE_ARGS, playScenario } from './scenario-player.js';
import { compareScenario } from './expectations.js';

export const SCENARIOS_PATH = fileURLToPath(new URL('./scenarios.json', import.meta.url));

export function loadScenarios(path = SCENARIOS_PATH): ScenarioFile {
  const doc = JSON.parse(readFileSync(path, 'utf8')) as ScenarioFile;
  if (!Array.isArray(doc.scenarios)) throw new Error(`${path}: no "scenarios" array`);
  return doc;
}

/**
 * Scenarios whose outcome depends on wall-clock races (upstream delays, staggered or retransmitted
 * client queries, sleeps against TTLs) or on a fixed client source port.
 */
export function isTimingSensitive(sc: Scenario): boolean {
  const text = JSON.stringify(sc);
  return /"(delay_ms|start_after_ms|retransmitAtMs|sleep_ms|srcPort)"|fast-dns-retry|dns-forward-max/.test(text);
}

export interface ScenarioVerdict {
  id: string;
  errors: string[];
  attempts: number;
  /** Errors of a failed first attempt that a retry then passed. */
  retriedAfter?: string[];
}

export async function checkScenario(sc: Scenario, command: string, baseArgs = BASE_ARGS): Promise<ScenarioVerdict> {
  const retries = isTimingSensitive(sc) ? 1 : 0;
  let first: string[] | undefined;
  for (let attempt = 1; ; attempt++) {
    const errors = compareScenario(sc, await playScenario(sc, command, baseArgs));
    if (errors.length === 0 || attempt > retries) {
      return { id: sc.id, errors, attempts: attempt, ...(errors.length === 0 && first ? { retriedAfter: first } : {}) };
    }
    first = errors;
  }
}

async function pool<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await work(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return out;
}

export interface SuiteOptions {
  concurrency?: number;
  baseArgs?: string[];
  onVerdict?: (v: ScenarioVerdict) => void;
}

export async function checkAll(scenarios: Scenario[], command: string, opts: SuiteOptions = {}): Promise<ScenarioVerdict[]> {
  const run = async (sc: Scenario) => {
    const v = await checkScenario(sc, command, opts.baseArgs);
    opts.onVerdict?.(v);
    return v;
  };
  const safe = scenarios.filter((s) => !isTimingSensitive(s));
  const sensitive = scenarios.filter(isTimingSensitive);
  const results = await pool(safe, opts.concurrency ?? 4, run);
  results.push(...(await pool(sensitive, 1, run)));
  return results;
}
