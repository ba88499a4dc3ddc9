/** Text shapes the server rules recognise in values dnsmasq reads differently from what was meant. */

const IPV4 = /^(?:\d{1,3}\.){3}\d{1,3}$/;

export function looksLikeIpv4(text: string): boolean {
  return IPV4.test(text);
}

/** `10.0.0.1:53` or `[fd00::1]:53`: a port written the usual way instead of dnsmasq's `#`. */
export function colonPort(target: string): { host: string; port: string } | undefined {
  const v4 = /^((?:\d{1,3}\.){3}\d{1,3}):(\d+)$/.exec(target);
  if (v4) return { host: v4[1]!, port: v4[2]! };
  const v6 = /^\[([0-9A-Fa-f:.]+)\]:(\d+)$/.exec(target);
  if (v6) return { host: v6[1]!, port: v6[2]! };
  return undefined;
}

/** The target part of a server value: what follows the last `/` of a `/domain/` prefix, or the whole value. */
export function targetOf(value: string): { target: string; offset: number } {
  if (!value.startsWith('/')) return { target: value, offset: 0 };
  const slash = value.lastIndexOf('/');
  return { target: value.slice(slash + 1), offset: slash + 1 };
}

/** An address literal that may carry `#port`, as a trailing-slash domain often is. */
export function looksLikeServerAddress(text: string): boolean {
  const hash = text.indexOf('#');
  const host = hash === -1 ? text : text.slice(0, hash);
  return looksLikeIpv4(host) || (host.includes(':') && /^[0-9A-Fa-f:.]+$/.test(host));
}

export function isLoopback(address: string): boolean {
  return address.startsWith('127.') || address === '::1';
}
