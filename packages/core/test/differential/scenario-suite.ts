// Loads the scenario file and checks scenarios against a command: safe ones in parallel,
// timing-sensitive ones alone, each failure retried once alone (expectations are never loosened).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Scenario, ScenarioFile } from './scenario-format.js';
import { BASE_ARGS, playScenario } from './scenario-player.js';
import { compareScenario } from './expectations.js';
import { RunLock } from './run-lock.js';

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

/**
 * Plays and compares a scenario. Timing-sensitive scenarios always run alone; the others share the
 * machine. A failed scenario gets exactly one retry, alone (when scenarios run concurrently on a loaded
 * box every one of them is timing-sensitive); the expectations are the same on the retry.
 */
export async function checkScenario(sc: Scenario, command: string, baseArgs = BASE_ARGS, lock = new RunLock()): Promise<ScenarioVerdict> {
  const once = async () => compareScenario(sc, await playScenario(sc, command, baseArgs));
  const first = await (isTimingSensitive(sc) ? lock.exclusive(once) : lock.shared(once));
  if (first.length === 0) return { id: sc.id, errors: [], attempts: 1 };
  const second = await lock.exclusive(once);
  return { id: sc.id, errors: second, attempts: 2, ...(second.length === 0 ? { retriedAfter: first } : {}) };
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
  const lock = new RunLock();
  return pool(scenarios, opts.concurrency ?? 4, async (sc) => {
    const v = await checkScenario(sc, command, opts.baseArgs, lock);
    opts.onVerdict?.(v);
    return v;
  });
}
