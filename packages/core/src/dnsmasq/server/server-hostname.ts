/**
 * Whether glibc's getaddrinfo, called by dnsmasq at start-up, sends this host to the system resolver
 * (checked against dnsmasq 2.90 with a dead loopback resolver): only names made of letters, digits,
 * `-` and `_`, in non-empty labels of at most 63 characters, 253 in all (one trailing dot allowed),
 * not starting with `-`; and the root `.`. Everything else fails at once, without a query.
 */
export function resolverWouldBeAsked(text: string): boolean {
  if (text === '.') return true;
  const name = text.endsWith('.') ? text.slice(0, -1) : text;
  if (name === '' || name.length > 253 || name.startsWith('-')) return false;
  return name.split('.').every((label) => /^[A-Za-z0-9_-]{1,63}$/.test(label));
}

/**
 * Whether the host could resolve, so that dnsmasq would accept it: a name the resolver is asked about, with no
 * label starting or ending with `-`, whose top-level label starts with a letter (no top-level domain does
 * otherwise, so `1.2.3.4.5`, `256.1.1.1` or `10.96.0.-1` always end in NXDOMAIN), or one label that is not a
 * number. Names in /etc/hosts that break these rules are not modelled.
 */
export function isPlausibleHostname(text: string): boolean {
  if (!resolverWouldBeAsked(text) || text === '.') return false;
  const labels = text.replace(/\.$/, '').split('.');
  // Host name labels neither start nor end with a hyphen: `10.96.0.-1`, `a.-b.com` are malformed, not names.
  if (labels.some((l) => l.startsWith('-') || l.endsWith('-'))) return false;
  const last = labels[labels.length - 1] ?? '';
  // One label is completed by the search domains (`kube-dns`), unless it reads as a number (`0x`, `4294967296`).
  if (labels.length === 1) return !/^(?:[0-9]+|0[xX][0-9a-fA-F]*)$/.test(last);
  // A top-level domain starts with a letter (`com`, `local`, `xn--p1ai`): `10.96.0.1a` is a mistyped address.
  return /^[A-Za-z]/.test(last);
}
