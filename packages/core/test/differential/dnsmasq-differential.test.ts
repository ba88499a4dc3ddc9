// Proves the suite itself: every recorded scenario must pass against the real dnsmasq 2.90.
import { existsSync } from 'node:fs';
import { describe, test } from 'vitest';
import { declareScenarioTests } from './scenario-tests.js';

const DNSMASQ = process.env.DNSMASQ_BIN ?? '/usr/sbin/dnsmasq';
// The scenarios' base arguments include --user=root, which only root may use.
const why = !existsSync(DNSMASQ) ? `${DNSMASQ} not found` : process.getuid?.() !== 0 ? 'not running as root' : null;

if (why) {
  describe('differential suite against real dnsmasq', () => {
    test.skip(`skipped: ${why} (install dnsmasq-base 2.90 and run as root, or set DNSMASQ_BIN)`, () => {});
  });
} else {
  describe('differential suite against real dnsmasq', () => declareScenarioTests(() => DNSMASQ, { findings: true, openFindings: true }));
}
