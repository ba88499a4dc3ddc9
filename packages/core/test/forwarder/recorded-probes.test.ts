// Behaviour measured on dnsmasq 2.90 while building the forwarder (fixtures/dnsmasq-probes.json): our
// forwarder must give the same responses, upstream traffic and log lines. Uses the differential suite's player.
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forwarderCommand, type ForwarderCommand } from '../differential/forwarder-command.js';
import { checkScenario, loadScenarios } from '../differential/scenario-suite.js';

const probes = loadScenarios(fileURLToPath(new URL('./fixtures/dnsmasq-probes.json', import.meta.url)));
let fwd: ForwarderCommand | undefined;

describe('forwarder vs recorded dnsmasq probes', () => {
  beforeAll(async () => {
    fwd = await forwarderCommand();
  });
  afterAll(() => fwd?.dispose());
  for (const sc of probes.scenarios) {
    it(`${sc.id}: ${sc.description ?? ''}`, async () => {
      const verdict = await checkScenario(sc, fwd!.command, probes.base_args);
      expect(verdict.errors).toEqual([]);
    });
  }
});
