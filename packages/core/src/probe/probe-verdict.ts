// Turns the outcomes of repeated queries into counts, latency percentiles and a verdict.
import type { ProbeResult } from './probe-query.js';

export type ProbeVerdict = 'healthy' | 'flaky' | 'down';

export interface ProbeCounts {
  answer: number;
  nodata: number;
  nxdomain: number;
  servfail: number;
  refused: number;
  timeout: number;
  truncated: number;
}

export interface NameReport {
  name: string;
  verdict: ProbeVerdict;
  counts: ProbeCounts;
  /** Over every query sent: a query that timed out counts as the timeout, which is what a client waited. */
  latencyMs: { p50: number; p95: number; max: number };
  /** Each distinct answer set seen (record data, sorted), in order of first appearance. */
  answers: string[][];
}

/** Nearest-rank percentile of sorted values (0 for an empty list). */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1]!;
}

const round = (ms: number) => Math.round(ms * 100) / 100;

export function countOutcomes(results: ProbeResult[]): ProbeCounts {
  const counts: ProbeCounts = { answer: 0, nodata: 0, nxdomain: 0, servfail: 0, refused: 0, timeout: 0, truncated: 0 };
  for (const r of results) {
    // a reply with an rcode we do not name (FORMERR, NOTIMP, ...) is a failure like SERVFAIL
    const key = r.outcome === 'other' ? 'servfail' : r.outcome;
    counts[key]++;
  }
  return counts;
}

/**
 * down: nothing usable came back (only timeouts, SERVFAIL, REFUSED);
 * flaky: some queries failed, or the kind of answer changed (an address one time, NODATA or
 * NXDOMAIN another: the incident's signature), or the addresses themselves changed;
 * healthy: every query got the same kind of answer with the same data.
 */
export function nameVerdict(counts: ProbeCounts, distinctAnswerSets: number): ProbeVerdict {
  const usable = counts.answer + counts.nodata + counts.nxdomain + counts.truncated;
  if (usable === 0) return 'down';
  const failures = counts.servfail + counts.refused + counts.timeout;
  const kinds = [counts.answer, counts.nodata, counts.nxdomain, counts.truncated].filter((n) => n > 0).length;
  if (failures > 0 || kinds > 1 || distinctAnswerSets > 1) return 'flaky';
  return 'healthy';
}

export function reportName(name: string, results: ProbeResult[]): NameReport {
  const counts = countOutcomes(results);
  const sets = new Map<string, string[]>();
  for (const r of results) {
    if (r.outcome !== 'answer') continue;
    const set = [...r.answers].sort();
    sets.set(JSON.stringify(set), set);
  }
  const latencies = results.map((r) => r.latencyMs).sort((a, b) => a - b);
  return {
    name,
    verdict: nameVerdict(counts, sets.size),
    counts,
    latencyMs: { p50: round(percentile(latencies, 50)), p95: round(percentile(latencies, 95)), max: round(latencies.at(-1) ?? 0) },
    answers: [...sets.values()],
  };
}

/** An upstream is down when every name is down, healthy when every name is healthy, else flaky. */
export function upstreamVerdict(names: NameReport[]): ProbeVerdict {
  if (names.length > 0 && names.every((n) => n.verdict === 'down')) return 'down';
  if (names.every((n) => n.verdict === 'healthy')) return 'healthy';
  return 'flaky';
}
