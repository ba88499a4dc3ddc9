// The comparison rules: rcode/aa/tc/ra exact, records in order (name case-insensitive, data exact,
// TTL within ±1 s unless the record says otherwise), upstream query counts, exact log sequences.
import type { ExpectedResponse, Scenario, ScenarioRecord } from './scenario-format.js';
import type { ResponseSummary, SummaryRecord } from './record-codec.js';
import { lineMatches, sequenceMatches } from './log-lines.js';

export interface StepObservation {
  responses: (ResponseSummary | null)[];
  upstream: Record<string, number>;
  log: string[];
}

export interface ScenarioObservation {
  startup: { running: boolean; exitCode: number | null; log: string[] };
  steps: (StepObservation | null)[];
}

const lower = (v: unknown) => JSON.stringify(v).toLowerCase();

function compareRecords(exp: ScenarioRecord[], got: SummaryRecord[], where: string, errors: string[]): void {
  if (exp.length !== got.length) {
    errors.push(`${where}: expected ${exp.length} records, got ${got.length}: ${JSON.stringify(got)}`);
    return;
  }
  exp.forEach((e, i) => {
    const g = got[i]!;
    if (e.name !== undefined && e.name.toLowerCase() !== g.name.toLowerCase()) errors.push(`${where}[${i}].name: expected ${e.name} got ${g.name}`);
    if (e.type !== undefined && e.type.toUpperCase() !== g.type.toUpperCase()) errors.push(`${where}[${i}].type: expected ${e.type} got ${g.type}`);
    if (e.data !== undefined && lower(e.data) !== lower(g.data)) errors.push(`${where}[${i}].data: expected ${JSON.stringify(e.data)} got ${JSON.stringify(g.data)}`);
    const tol = e.ttl_tolerance ?? 1;
    if (e.ttl !== undefined && Math.abs(g.ttl - e.ttl) > tol) errors.push(`${where}[${i}].ttl: expected ${e.ttl} (±${tol}) got ${g.ttl}`);
  });
}

export function compareResponse(exp: ExpectedResponse | null, got: ResponseSummary | null, where: string, errors: string[]): void {
  if (exp === null) {
    if (got !== null) errors.push(`${where}: expected no response, got rcode ${got.rcode}`);
    return;
  }
  if (got === null) {
    errors.push(`${where}: expected a response (rcode ${exp.rcode}), got none`);
    return;
  }
  for (const k of ['rcode', 'aa', 'tc', 'ra'] as const) {
    if (exp[k] !== undefined && exp[k] !== got[k]) errors.push(`${where}.${k}: expected ${exp[k]} got ${got[k]}`);
  }
  if (exp.answers) compareRecords(exp.answers, got.answers, `${where}.answers`, errors);
  if (exp.authority) compareRecords(exp.authority, got.authority, `${where}.authority`, errors);
}

/** Every difference between what the scenario expects and what was observed; empty means pass. */
export function compareScenario(sc: Scenario, obs: ScenarioObservation): string[] {
  const errors: string[] = [];
  const st = sc.expect?.startup;
  if (st) {
    if (st.running !== undefined && st.running !== obs.startup.running) errors.push(`startup.running: expected ${st.running} got ${obs.startup.running}`);
    if (st.exit_code !== undefined && st.exit_code !== obs.startup.exitCode) errors.push(`startup.exit_code: expected ${st.exit_code} got ${obs.startup.exitCode}`);
    for (const l of st.log_contains ?? []) if (!obs.startup.log.some((g) => lineMatches(l, g))) errors.push(`startup.log missing line: ${l}`);
    if (st.running && !obs.startup.running) errors.push(`startup log: ${JSON.stringify(obs.startup.log.slice(-5))}`);
  }
  (sc.steps ?? []).forEach((step, i) => {
    const e = step.expect;
    const o = obs.steps[i];
    if (!e) return;
    if (!o) {
      errors.push(`step${i}: not played`);
      return;
    }
    const where = `step${i}`;
    const expected = step.parallel ? e.responses : [e.response];
    expected?.forEach((er, j) => {
      if (er !== undefined) compareResponse(er, o.responses[j] ?? null, `${where}.response${step.parallel ? `[${j}]` : ''}`, errors);
    });
    for (const [name, n] of Object.entries(e.upstream ?? {})) {
      const got = o.upstream[name] ?? 0;
      const bad = typeof n === 'number' ? got !== n : got < n[0] || got > n[1];
      if (bad) errors.push(`${where}.upstream.${name}: expected ${JSON.stringify(n)} queries, got ${got}`);
    }
    if (e.log && !sequenceMatches(e.log, o.log)) {
      errors.push(`${where}.log mismatch:\n    expected: ${JSON.stringify(e.log)}\n    got:      ${JSON.stringify(o.log)}`);
    }
    for (const l of e.log_contains ?? []) if (!o.log.some((g) => lineMatches(l, g))) errors.push(`${where}.log missing line: ${l}`);
  });
  return errors;
}
