import { describe, expect, it } from 'vitest';
import { nameVerdict, percentile, reportName, upstreamVerdict } from './probe-verdict.js';

const zero = { answer: 0, nodata: 0, nxdomain: 0, servfail: 0, refused: 0, timeout: 0, truncated: 0 };

describe('probe verdicts', () => {
  it('uses nearest-rank percentiles', () => {
    expect(percentile([], 50)).toBe(0);
    expect(percentile([1, 2, 3, 4], 50)).toBe(2);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 95)).toBe(10);
    expect(percentile([7], 95)).toBe(7);
  });

  it('tells down, flaky and healthy apart', () => {
    expect(nameVerdict({ ...zero, timeout: 3, servfail: 1 }, 0)).toBe('down');
    expect(nameVerdict({ ...zero, answer: 9, timeout: 1 }, 1)).toBe('flaky');
    expect(nameVerdict({ ...zero, answer: 5, nodata: 1 }, 1)).toBe('flaky');
    expect(nameVerdict({ ...zero, nodata: 5, nxdomain: 1 }, 0)).toBe('flaky');
    expect(nameVerdict({ ...zero, answer: 5 }, 2)).toBe('flaky');
    expect(nameVerdict({ ...zero, answer: 5 }, 1)).toBe('healthy');
    expect(nameVerdict({ ...zero, nodata: 5 }, 0)).toBe('healthy');
  });

  it('treats an answer set in another order as the same answer', () => {
    const r = reportName('x', [
      { outcome: 'answer', latencyMs: 1, answers: ['192.0.2.1', '192.0.2.2'] },
      { outcome: 'answer', latencyMs: 3, answers: ['192.0.2.2', '192.0.2.1'] },
    ]);
    expect(r.verdict).toBe('healthy');
    expect(r.answers).toEqual([['192.0.2.1', '192.0.2.2']]);
    expect(r.latencyMs).toEqual({ p50: 1, p95: 3, max: 3 });
  });

  it('counts an unnamed error rcode as a failure', () => {
    const r = reportName('x', [{ outcome: 'other', latencyMs: 1, answers: [], rcode: 'NOTIMP' }]);
    expect(r.counts.servfail).toBe(1);
    expect(r.verdict).toBe('down');
  });

  it('sums names into an upstream verdict', () => {
    const n = (verdict: 'healthy' | 'flaky' | 'down') => ({ ...reportName('x', []), verdict });
    expect(upstreamVerdict([n('down'), n('down')])).toBe('down');
    expect(upstreamVerdict([n('healthy'), n('down')])).toBe('flaky');
    expect(upstreamVerdict([n('healthy'), n('healthy')])).toBe('healthy');
  });
});
