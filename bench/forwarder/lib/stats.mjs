// Medians and the RATIO lines.

export function median(values) {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return NaN;
  const mid = Math.floor(v.length / 2);
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}

const fmt = (x, digits) => (Number.isFinite(x) ? x.toFixed(digits) : '-');

/** One line: ours/dnsmasq as a median of per-round ratios, with both medians and the target. */
export function ratioLine(metric, ours, theirs, unit, target) {
  const perRound = ours.map((o, i) => o / theirs[i]);
  const r = median(perRound);
  const lo = Math.min(...perRound.filter(Number.isFinite));
  const hi = Math.max(...perRound.filter(Number.isFinite));
  return `RATIO ${metric.padEnd(20)} ${fmt(r, 2).padStart(6)}  [${fmt(lo, 2)}..${fmt(hi, 2)}] n=${perRound.length}  (ours ${fmt(median(ours), 3)} ${unit}, dnsmasq ${fmt(median(theirs), 3)} ${unit})  target ${target}`;
}

/** The p-quantile (0..1) of `values`, nearest rank. */
export function percentile(values, p) {
  const v = [...values].sort((a, b) => a - b);
  return v.length ? v[Math.min(v.length - 1, Math.max(0, Math.ceil(p * v.length) - 1))] : NaN;
}

/**
 * One line for a latency percentile: ours/dnsmasq of the percentile over every query of every round (both
 * servers were measured in interleaved slices, so both met the same moments of the machine), with the range
 * of the per-round ratios.
 */
export function pooledRatioLine(metric, p, oursRounds, theirsRounds, target) {
  const all = (rounds) => rounds.flat();
  const o = percentile(all(oursRounds), p);
  const d = percentile(all(theirsRounds), p);
  const perRound = oursRounds.map((r, i) => percentile(r, p) / percentile(theirsRounds[i], p));
  const lo = Math.min(...perRound.filter(Number.isFinite));
  const hi = Math.max(...perRound.filter(Number.isFinite));
  return `RATIO ${metric.padEnd(20)} ${fmt(o / d, 2).padStart(6)}  [${fmt(lo, 2)}..${fmt(hi, 2)}] n=${all(oursRounds).length}/${all(theirsRounds).length} queries  (ours ${fmt(o, 3)} ms, dnsmasq ${fmt(d, 3)} ms)  target ${target}`;
}
