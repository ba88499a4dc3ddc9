// Declares one vitest test per scenario: parallel-safe ones concurrently, timing-sensitive ones in sequence.
import { describe, expect, test } from 'vitest';
import { checkScenario, isTimingSensitive, loadScenarios } from './scenario-suite.js';
import type { Scenario } from './scenario-format.js';

const SCENARIO_TIMEOUT_MS = 60_000;

export function declareScenarioTests(command: () => string): void {
  const doc = loadScenarios();
  const one = (sc: Scenario) => async () => {
    const verdict = await checkScenario(sc, command(), doc.base_args);
    if (verdict.retriedAfter) console.warn(`${sc.id} passed on its one retry; first attempt: ${verdict.retriedAfter.join('; ')}`);
    expect(verdict.errors, verdict.errors.join('\n')).toEqual([]);
  };
  test('the scenario file holds the 64 recorded scenarios', () => {
    expect(doc.scenarios).toHaveLength(64);
  });
  describe.concurrent('parallel-safe scenarios', () => {
    for (const sc of doc.scenarios.filter((s) => !isTimingSensitive(s))) test(sc.id, one(sc), SCENARIO_TIMEOUT_MS);
  });
  describe('timing-sensitive scenarios (one at a time, one retry)', () => {
    for (const sc of doc.scenarios.filter(isTimingSensitive)) test(sc.id, one(sc), SCENARIO_TIMEOUT_MS);
  });
}
