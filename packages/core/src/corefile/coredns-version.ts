/** A CoreDNS release as `[major, minor, patch]`. */
export type CorednsVersion = readonly [number, number, number];

export function parseCorednsVersion(text: string | undefined): CorednsVersion | undefined {
  const m = /^v?(\d+)\.(\d+)(?:\.(\d+))?$/.exec((text ?? '').trim());
  return m ? [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)] : undefined;
}

export function formatVersion(v: CorednsVersion): string {
  return `${v[0]}.${v[1]}.${v[2]}`;
}

/** True when `v` is older than `than` (e.g. `1.6.7` older than `1.7.0`). */
export function olderThan(v: CorednsVersion, than: string): boolean {
  const t = parseCorednsVersion(than)!;
  for (let k = 0; k < 3; k++) if (v[k] !== t[k]) return v[k]! < t[k]!;
  return false;
}

const IMAGE = /^[ \t-]*["']?image["']?[ \t]*:[ \t]*["']?(?:[\w.-]+(?::\d+)?\/)*coredns:v?(\d+\.\d+\.\d+)(?:[-@"'\s]|$)/gm;

/**
 * The CoreDNS version of the `coredns` image in the same file (a Deployment next to its ConfigMap).
 * Several different tags, or none, give `undefined`: then no version is assumed.
 */
export function corednsVersionInText(text: string): CorednsVersion | undefined {
  if (!text.includes('coredns:')) return undefined;
  const seen = new Set<string>();
  for (const m of text.matchAll(IMAGE)) seen.add(m[1]!);
  return seen.size === 1 ? parseCorednsVersion([...seen][0]) : undefined;
}

/** An `image:` that names CoreDNS through a template or placeholder (`{{ .CoreDnsImage.RepoWithTag }}`, `${COREDNS_IMAGE}`). */
const TEMPLATED_IMAGE = /^[ \t-]*["']?image["']?[ \t]*:[^\n]*(?:\{\{|\{%|\$\{|\$\(|__PILLAR|<%)[^\n]*$/gm;

/**
 * Whether the file runs CoreDNS from an image whose tag is decided at render time: then which version runs, and so
 * whether a removed plugin or option is refused, cannot be told from the file.
 */
export function corednsImageTemplated(text: string): boolean {
  for (const m of text.matchAll(TEMPLATED_IMAGE)) if (/core-?dns/i.test(m[0])) return true;
  return false;
}
