/**
 * Address ranges that `--bogus-priv` answers locally for reverse lookups and that `--stop-dns-rebind` refuses in
 * upstream answers: RFC 1918 private nets, loopback, link-local, "this" network, the documentation TEST-NETs,
 * shared address space, broadcast, and their IPv6 counterparts (RFC 6303 zones).
 */

const V4_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x00000000, 8], // 0.0.0.0/8
  [0x0a000000, 8], // 10/8
  [0x64400000, 10], // 100.64/10
  [0x7f000000, 8], // 127/8
  [0xa9fe0000, 16], // 169.254/16
  [0xac100000, 12], // 172.16/12
  [0xc0000200, 24], // 192.0.2/24
  [0xc0a80000, 16], // 192.168/16
  [0xc6336400, 24], // 198.51.100/24
  [0xcb007100, 24], // 203.0.113/24
  [0xffffffff, 32], // broadcast
];

function inV4(ip: number, base: number, bits: number): boolean {
  const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
  return ((ip & mask) >>> 0) === base;
}

/** True for a private/special IPv4 address given as 4 bytes; loopback and 0/8 only when `banLocalhost`. */
export function isPrivateV4(b: ArrayLike<number>, offset = 0, banLocalhost = true): boolean {
  const ip = ((b[offset]! << 24) | (b[offset + 1]! << 16) | (b[offset + 2]! << 8) | b[offset + 3]!) >>> 0;
  for (const [base, bits] of V4_RANGES) {
    if (!banLocalhost && (base === 0x7f000000 || base === 0)) continue;
    if (inV4(ip, base, bits)) return true;
  }
  return false;
}

/** True for ::, ::1, link-local fe80::/10, unique-local fc00::/7, site-local fec0::/10, 2001:db8::/32, and mapped private IPv4. */
export function isPrivateV6(b: ArrayLike<number>, offset = 0, banLocalhost = true): boolean {
  let zeroHead = true;
  for (let i = 0; i < 15; i++) if (b[offset + i] !== 0) zeroHead = false;
  if (zeroHead && (b[offset + 15] === 0 || b[offset + 15] === 1)) return banLocalhost;
  const b0 = b[offset]!;
  const b1 = b[offset + 1]!;
  if (b0 === 0xfe && (b1 & 0xc0) === 0x80) return true;
  if (b0 === 0xfe && (b1 & 0xc0) === 0xc0) return true;
  if ((b0 & 0xfe) === 0xfc) return true;
  if (b0 === 0x20 && b1 === 0x01 && b[offset + 2] === 0x0d && b[offset + 3] === 0xb8) return true;
  let mapped = b[offset + 10] === 0xff && b[offset + 11] === 0xff;
  for (let i = 0; i < 10; i++) if (b[offset + i] !== 0) mapped = false;
  return mapped && isPrivateV4(b, offset + 12, banLocalhost);
}

/**
 * For `--bogus-priv`: is this in-addr.arpa / ip6.arpa name inside a private range? Partial names (zones) count
 * when every address they cover is private.
 */
export function isPrivateReverseName(key: string): boolean {
  if (key.endsWith('.in-addr.arpa') || key === 'in-addr.arpa') {
    const labels = key === 'in-addr.arpa' ? [] : key.slice(0, -13).split('.');
    if (labels.length === 0 || labels.length > 4 || !labels.every((l) => /^\d{1,3}$/.test(l) && Number(l) < 256)) return false;
    const octets = labels.reverse().map(Number);
    const known = octets.length * 8;
    const ip = [0, 0, 0, 0];
    octets.forEach((o, i) => (ip[i] = o));
    const value = ((ip[0]! << 24) | (ip[1]! << 16) | (ip[2]! << 8) | ip[3]!) >>> 0;
    return V4_RANGES.some(([base, bits]) => bits <= known && inV4(value, base, bits));
  }
  if (key.endsWith('.ip6.arpa')) {
    const nibbles = key.slice(0, -9).split('.').reverse();
    if (nibbles.length === 0 || nibbles.length > 32 || !nibbles.every((n) => /^[0-9a-f]$/.test(n))) return false;
    const hex = nibbles.join('');
    const known = hex.length * 4;
    const full = hex.padEnd(32, '0');
    const bytes: number[] = [];
    for (let i = 0; i < 32; i += 2) bytes.push(parseInt(full.slice(i, i + 2), 16));
    if (known >= 128) return isPrivateV6(bytes);
    if (known >= 10 && bytes[0] === 0xfe && (bytes[1]! & 0x80) === 0x80) return true;
    if (known >= 7 && (bytes[0]! & 0xfe) === 0xfc) return true;
    return known >= 32 && bytes[0] === 0x20 && bytes[1] === 0x01 && bytes[2] === 0x0d && bytes[3] === 0xb8;
  }
  return false;
}
