/**
 * The reverse-DNS zones that cover a network: `in-addr.arpa` labels per octet for IPv4, `ip6.arpa`
 * labels per nibble for IPv6. A prefix that is not a multiple of 8 (IPv4) or 4 (IPv6) is rounded
 * up and expands into one zone per sub-network, as dnsmasq does (`192.168.1.0/23` gives
 * `0.168.192.in-addr.arpa` and `1.168.192.in-addr.arpa`). Host bits are ignored.
 */
export function reverseZones(family: 4 | 6, bytes: readonly number[], prefix: number): string[] {
  const step = family === 4 ? 8 : 4;
  const units = family === 4 ? [...bytes] : bytes.flatMap((b) => [b >> 4, b & 15]);
  const count = Math.ceil(prefix / step);
  const spare = count * step - prefix;
  const base = units.slice(0, count);
  if (count > 0) base[count - 1] = (base[count - 1] ?? 0) & ~((1 << spare) - 1) & (family === 4 ? 0xff : 0xf);
  const suffix = family === 4 ? 'in-addr.arpa' : 'ip6.arpa';
  const zones: string[] = [];
  for (let i = 0; i < 1 << spare; i++) {
    const labels = base.slice();
    if (count > 0) labels[count - 1] = (labels[count - 1] ?? 0) + i;
    const text = labels
      .reverse()
      .map((u) => u.toString(family === 4 ? 10 : 16))
      .join('.');
    zones.push(text === '' ? suffix : `${text}.${suffix}`);
  }
  return zones;
}
