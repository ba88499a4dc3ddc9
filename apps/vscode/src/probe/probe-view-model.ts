// The probe results view as data: one row per upstream and name, with what a person looks for first.
import type { NameReport, ProbeOutcome, ProbeReport, ProbeResult, ProbeVerdict } from '@kube-dns-tools/core/probe';

export interface ProbeRow {
  readonly server: string;
  readonly name: string;
  readonly verdict: ProbeVerdict;
  /** `answer 7, nodata 3` (outcomes seen, in a fixed order). */
  readonly counts: string;
  readonly p50: number;
  readonly p95: number;
  /** One mark per attempt, in the order sent: ■ answer, □ NODATA, ✕ NXDOMAIN, ! SERVFAIL/REFUSED/other, · timeout, t truncated. */
  readonly strip: string;
  /** The CNAME chain of the fullest answer seen: the name, each target, then the addresses. */
  readonly chain: string[];
  readonly dig: string;
}

export const MARKS: Record<ProbeOutcome, string> = { answer: '■', nodata: '□', nxdomain: '✕', servfail: '!', refused: '!', other: '!', timeout: '·', truncated: 't' };
export const LEGEND = '■ answer  □ NODATA  ✕ NXDOMAIN  ! SERVFAIL/REFUSED  · timeout  t truncated';

export const attemptKey = (server: string, name: string): string => `${server} ${name}`;

/** `dig @10.36.8.40 -p 53 repo1.maven.org A` */
export function digCommand(server: string, name: string, type: string): string {
  const hash = server.lastIndexOf('#');
  return `dig @${server.slice(0, hash)} -p ${server.slice(hash + 1)} ${name} ${type}`;
}

export function countsText(counts: NameReport['counts']): string {
  return Object.entries(counts)
    .filter(([, n]) => n > 0)
    .map(([outcome, n]) => `${outcome} ${n}`)
    .join(', ');
}

/** The longest answer seen (a flaky upstream's NODATA replies still show the CNAME links). */
export function cnameChain(name: string, attempts: readonly ProbeResult[]): string[] {
  let fullest: string[] = [];
  for (const attempt of attempts) if (attempt.answers.length > fullest.length) fullest = attempt.answers;
  return [name, ...fullest];
}

export function probeRows(report: ProbeReport, attempts: ReadonlyMap<string, readonly ProbeResult[]>, type = 'A'): ProbeRow[] {
  return report.upstreams.flatMap((upstream) =>
    upstream.names.map((name) => {
      const tries = attempts.get(attemptKey(upstream.server, name.name)) ?? [];
      return {
        server: upstream.server,
        name: name.name,
        verdict: name.verdict,
        counts: countsText(name.counts),
        p50: name.latencyMs.p50,
        p95: name.latencyMs.p95,
        strip: tries.map((t) => MARKS[t.outcome]).join(''),
        chain: cnameChain(name.name, tries),
        dig: digCommand(upstream.server, name.name, type),
      };
    }),
  );
}

/** The code lens after a probe: `flaky · answer 7, nodata 3 · p95 12 ms` (over every name asked of the server). */
export function lensSummary(report: ProbeReport, server: string): string | undefined {
  const upstream = report.upstreams.find((u) => u.server === server);
  if (!upstream) return undefined;
  const totals: Record<string, number> = {};
  for (const name of upstream.names) for (const [outcome, n] of Object.entries(name.counts)) totals[outcome] = (totals[outcome] ?? 0) + n;
  const p95 = Math.max(0, ...upstream.names.map((n) => n.latencyMs.p95));
  return `${upstream.verdict} · ${countsText(totals as unknown as NameReport["counts"])} · p95 ${p95} ms`;
}
