/**
 * SARIF `partialFingerprints` that survive unrelated edits, so code scanning keeps one alert per finding across
 * commits: a hash of the rule id and the finding's line with all whitespace removed (so re-indenting or moving
 * the line keeps it), plus which occurrence of that pair in the file it is (two identical lines stay two alerts).
 * The same idea as GitHub's own primaryLocationLineHash, under a key of our own so neither overwrites the other.
 */
import { createHash } from 'node:crypto';
import type { Finding } from '@kube-dns-tools/core/lint';

export const FINGERPRINT_KEY = 'kubeDnsToolsLineHash/v1';

/** One fingerprint per finding, in order; none when the text is unknown. */
export function lineFingerprints(findings: readonly Finding[], text: string | undefined): (string | undefined)[] {
  if (text === undefined) return findings.map(() => undefined);
  const seen = new Map<string, number>();
  return findings.map((f) => {
    const hash = createHash('sha256').update(`${f.ruleId}\0${lineAt(text, f.span.start).replace(/\s+/g, '')}`).digest('hex').slice(0, 32);
    const occurrence = (seen.get(hash) ?? 0) + 1;
    seen.set(hash, occurrence);
    return `${hash}:${occurrence}`;
  });
}

function lineAt(text: string, offset: number): string {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const end = text.indexOf('\n', offset);
  return text.slice(start, end === -1 ? text.length : end);
}
