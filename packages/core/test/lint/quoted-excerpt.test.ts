import { describe, expect, it } from 'vitest';
import { lintText } from '../../src/lint/lint-text.js';
import { quotedExcerpt } from '../../src/lint/quoted-excerpt.js';

/** A dnsmasq container whose args are one line of `depth` nested flow sequences ending in a flag. */
function nested(depth: number): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata: {name: kube-dns}
spec:
  template:
    spec:
      containers:
      - name: dnsmasq
        image: dnsmasq
        args: ${'[-k '.repeat(depth)}-N
`;
}

describe('messages quote a bounded excerpt of the text', () => {
  it('keeps short words whole and cuts long ones, saying how long they were', () => {
    expect(quotedExcerpt('--cache-size')).toBe('--cache-size');
    const long = `-k ${'x'.repeat(500)}`;
    const cut = quotedExcerpt(long);
    expect(cut.length).toBeLessThan(100);
    expect(cut).toMatch(/^-k x+… \(503 characters\)$/);
    expect(quotedExcerpt(`${'a'.repeat(59)}😀${'b'.repeat(100)}`)).not.toMatch(/[\uD800-\uDBFF]…/);
  });

  it('a 4,000-level line of nested flow sequences: every message stays short, so the total grows linearly', () => {
    const { findings } = lintText(nested(4000));
    expect(findings.filter((f) => f.ruleId === 'unknown-option').length).toBeGreaterThan(1000);
    for (const f of findings) expect(f.message.length).toBeLessThan(600);
    expect(findings.find((f) => f.ruleId === 'merged-arguments')?.message).toContain('(16001 characters)');
  });
});
