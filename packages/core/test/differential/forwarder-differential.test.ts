// Our forwarder must behave like dnsmasq 2.90 in every recorded scenario.
import { afterAll, beforeAll, describe } from 'vitest';
import { forwarderCommand, type ForwarderCommand } from './forwarder-command.js';
import { declareScenarioTests } from './scenario-tests.js';

let fwd: ForwarderCommand | undefined;

describe('differential suite against kube-dns-tools forward', () => {
  beforeAll(async () => {
    fwd = await forwarderCommand();
  });
  afterAll(() => fwd?.dispose());
  // Also the differences the generated scenarios found (generated-findings.json), now regression tests.
  declareScenarioTests(() => {
    if (!fwd) throw new Error('forwarder command not built');
    return fwd.command;
  }, { findings: true });
});
