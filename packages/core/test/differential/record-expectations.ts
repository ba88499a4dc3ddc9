// Turns what a reference server (dnsmasq) did into a scenario's expectations, so generated
// scenarios can be checked against another server with the same comparison rules.
import type { ExpectedResponse, Scenario } from './scenario-format.js';
import type { ScenarioObservation } from './expectations.js';
import type { ResponseSummary } from './record-codec.js';

function expected(r: ResponseSummary | null): ExpectedResponse | null {
  if (!r) return null;
  return { rcode: r.rcode, aa: r.aa, tc: r.tc, ra: r.ra, answers: r.answers, authority: r.authority };
}

export function recordExpectations(sc: Scenario, obs: ScenarioObservation): Scenario {
  const steps = (sc.steps ?? []).map((step, i) => {
    const o = obs.steps[i];
    if (!o) return step;
    const responses = o.responses.map(expected);
    return {
      ...step,
      expect: {
        ...(step.parallel ? { responses } : { response: responses[0] ?? null }),
        upstream: { ...o.upstream },
        log: [...o.log],
      },
    };
  });
  return { ...sc, steps, expect: { startup: { running: obs.startup.running } } };
}
