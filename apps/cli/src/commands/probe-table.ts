// Human-readable probe report: one row per server and name, then one verdict line per server.
import type { ProbeReport } from '@kube-dns-tools/core/probe';

const HEADERS = ['SERVER', 'NAME', 'VERDICT', 'ANSWER', 'NODATA', 'NXDOMAIN', 'SERVFAIL', 'REFUSED', 'TIMEOUT', 'TC', 'P50MS', 'P95MS', 'MAXMS', 'ANSWERS'];

function answersCell(sets: string[][]): string {
  if (sets.length === 0) return '-';
  return sets.map((s) => s.join(',')).join(' | ');
}

export function formatProbeTable(report: ProbeReport): string {
  const rows: string[][] = [HEADERS];
  for (const up of report.upstreams) {
    for (const n of up.names) {
      const c = n.counts;
      rows.push([
        up.server, n.name, n.verdict,
        ...[c.answer, c.nodata, c.nxdomain, c.servfail, c.refused, c.timeout, c.truncated].map(String),
        ...[n.latencyMs.p50, n.latencyMs.p95, n.latencyMs.max].map((ms) => ms.toFixed(2)),
        answersCell(n.answers),
      ]);
    }
  }
  const widths = HEADERS.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const lines = rows.map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  ').trimEnd());
  lines.push('');
  for (const up of report.upstreams) lines.push(`${up.server}: ${up.verdict}${explain(up.verdict)}`);
  return `${lines.join('\n')}\n`;
}

function explain(verdict: string): string {
  if (verdict === 'flaky') return ' (failures, or answers that change between queries: a caching forwarder in front of it may keep the bad one; consider --no-negcache)';
  if (verdict === 'down') return ' (no usable reply)';
  return '';
}
