// Generated scenarios, with real dnsmasq as the oracle: each is played against dnsmasq, its behaviour
// becomes the expectations, and our forwarder must match them under the same comparison rules.
// KDT_GENERATED_RUNS=N plays N samples of KDT_GENERATED_SEED; every differing one is reported (and, with
// KDT_GENERATED_FINDINGS=FILE, written there as a scenario file recorded from dnsmasq).
import { existsSync, writeFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareScenario } from './expectations.js';
import { forwarderCommand, type ForwarderCommand } from './forwarder-command.js';
import { scenarioArb } from './generated-scenarios.js';
import { BASE_ARGS, playScenario } from './scenario-player.js';
import { recordExpectations } from './record-expectations.js';
import type { Scenario } from './scenario-format.js';

const DNSMASQ = process.env.DNSMASQ_BIN ?? '/usr/sbin/dnsmasq';
const RUNS = Number(process.env.KDT_GENERATED_RUNS ?? 0);
const SEED = Number(process.env.KDT_GENERATED_SEED ?? 5);
const available = existsSync(DNSMASQ) && process.getuid?.() === 0;
const why = !available ? `${DNSMASQ} missing or not root` : RUNS === 0 ? 'set KDT_GENERATED_RUNS=N to run N generated scenarios' : null;

describe.skipIf(why !== null)(why ? `generated scenarios (skipped: ${why})` : 'generated scenarios: our forwarder vs dnsmasq as the oracle', () => {
  let fwd: ForwarderCommand | undefined;
  beforeAll(async () => {
    fwd = await forwarderCommand();
  });
  afterAll(() => fwd?.dispose());

  it(`${RUNS} generated scenarios (seed ${SEED}) behave alike`, async () => {
    const found: { scenario: Scenario; errors: string[] }[] = [];
    const samples = fc.sample(scenarioArb, { numRuns: RUNS, seed: SEED });
    for (const [i, sc] of samples.entries()) {
      const recorded = recordExpectations({ ...sc, id: `${sc.id}-seed${SEED}-${i}` }, await playScenario(sc, DNSMASQ));
      let errors = compareScenario(recorded, await playScenario(recorded, fwd!.command));
      // a second-boundary TTL tick can differ between two runs: one retry against the same recording
      if (errors.length) errors = compareScenario(recorded, await playScenario(recorded, fwd!.command));
      if (errors.length) found.push({ scenario: recorded, errors });
    }
    const out = process.env.KDT_GENERATED_FINDINGS;
    if (out) writeFileSync(out, `${JSON.stringify({ format: 'dnsmasq-differential-scenarios/1', base_args: BASE_ARGS, scenarios: found.map((f) => f.scenario) }, null, 1)}\n`);
    const brief = found.map((f) => `${f.scenario.id}: ${f.errors.slice(0, 3).map((e) => e.slice(0, 400)).join(' | ')}`);
    expect(brief, `${found.length} of ${RUNS} differ${out ? ` (written to ${out})` : ''}`).toEqual([]);
  }, 60_000 + RUNS * 15_000);
});
