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
 * Whether the host could resolve, so that dnsmasq would accept it: a name the resolver is asked about
 * whose last label is not all digits (no top-level domain is numeric, so `1.2.3.4.5` or `256.1.1.1`
 * always end in NXDOMAIN). Names in /etc/hosts that break these rules are not modelled.
 */
export function isPlausibleHostname(text: string): boolean {
  if (!resolverWouldBeAsked(text) || text === '.') return false;
  const labels = text.replace(/\.$/, '').split('.');
  return !/^[0-9]+$/.test(labels[labels.length - 1] ?? '');
}
