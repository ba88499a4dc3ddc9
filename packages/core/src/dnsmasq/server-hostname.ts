/**
 * Whether dnsmasq's start-up lookup (glibc getaddrinfo) could resolve this text as a host name.
 * glibc only asks DNS about names made of letters, digits, `-` and `_`, in non-empty labels of at
 * most 63 characters, 253 in all (one trailing dot allowed), not starting with `-`. We also refuse
 * an all-numeric last label: no top-level domain is numeric, so such a name (`1.2.3.4.5`,
 * `256.1.1.1`) always ends in NXDOMAIN. Names in /etc/hosts that break these rules are not modelled.
 */
export function isPlausibleHostname(text: string): boolean {
  const name = text.endsWith('.') ? text.slice(0, -1) : text;
  if (name === '' || name.length > 253 || name.startsWith('-')) return false;
  const labels = name.split('.');
  if (labels.some((label) => !/^[A-Za-z0-9_-]{1,63}$/.test(label))) return false;
  return !/^[0-9]+$/.test(labels[labels.length - 1] ?? '');
}
