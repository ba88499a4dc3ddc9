// Normalises -q log lines and matches them against expected sequences (`opt:` optional, `re:` regex).

const PREFIX = /^(\w{3} [ \d]\d \d\d:\d\d:\d\d )?dnsmasq(-\w+)?\[\d+\]: /;

/** Strips the timestamp/`dnsmasq[PID]: ` prefix and names known ports (`#40123` -> `#{UP1}`) and texts
 * that differ between runs (a random upstream address, a temporary file: `127.54.3.9` -> `{UP4_HOST}`). */
export function normaliseLine(line: string, ports: Record<string, number>, texts: Record<string, string> = {}): string {
  let out = line.replace(PREFIX, '');
  for (const [name, text] of Object.entries(texts)) out = out.split(text).join(`{${name}}`);
  for (const [name, port] of Object.entries(ports)) out = out.replace(new RegExp(`#${port}\\b`, 'g'), `#{${name}}`);
  return out;
}

export function lineMatches(expected: string, got: string): boolean {
  const e = expected.startsWith('opt:') ? expected.slice(4) : expected;
  return e.startsWith('re:') ? new RegExp(`^${e.slice(3)}$`).test(got) : e === got;
}

/** The whole sequence must match in order; expected lines starting `opt:` may be absent. */
export function sequenceMatches(expected: string[], got: string[], i = 0, j = 0): boolean {
  if (i === expected.length) return j === got.length;
  const e = expected[i]!;
  if (e.startsWith('opt:') && sequenceMatches(expected, got, i + 1, j)) return true;
  return j < got.length && lineMatches(e, got[j]!) && sequenceMatches(expected, got, i + 1, j + 1);
}
