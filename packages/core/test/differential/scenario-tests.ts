// Declares one vitest test per scenario. They are all concurrent; a shared RunLock makes the
// timing-sensitive ones and every retry run alone (see checkScenario).
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { checkScenario, loadScenarios } from './scenario-suite.js';
import { RunLock } from './run-lock.js';
import type { ScenarioFile } from './scenario-format.js';

const SCENARIO_TIMEOUT_MS = 180_000; // includes waiting for the machine while others hold the lock

/** Differences the generated scenarios found, recorded from dnsmasq (see README). */
export const FINDINGS_PATH = fileURLToPath(new URL('./generated-findings.json', import.meta.url));
/** Differences our forwarder still shows (README "Open findings"): only dnsmasq replays them, to keep the recordings honest. */
export const OPEN_FINDINGS_PATH = fileURLToPath(new URL('./generated-findings-open.json', import.meta.url));

function declareFile(title: string, doc: ScenarioFile, command: () => string, lock: RunLock): void {
  describe.concurrent(title, () => {
    for (const sc of doc.scenarios) {
      test(sc.id, async () => {
        const verdict = await checkScenario(sc, command(), doc.base_args, lock);
        if (verdict.retriedAfter) console.warn(`${sc.id} passed on its one retry; first attempt: ${verdict.retriedAfter.join('; ')}`);
        expect(verdict.errors, verdict.errors.join('\n')).toEqual([]);
      }, SCENARIO_TIMEOUT_MS);
    }
  });
}

/** `findings`: also the recorded generated findings (generated-findings.json); `openFindings`: and the open ones. */
export function declareScenarioTests(command: () => string, opts: { findings: boolean; openFindings?: boolean }): void {
  const doc = loadScenarios();
  const lock = new RunLock();
  test('the scenario file holds the 64 recorded scenarios', () => {
    expect(doc.scenarios).toHaveLength(64);
  });
  declareFile('scenarios', doc, command, lock);
  if (opts.findings) declareFile('generated findings', loadScenarios(FINDINGS_PATH), command, lock);
  if (opts.openFindings) declareFile('open generated findings', loadScenarios(OPEN_FINDINGS_PATH), command, lock);
}
