// Parses a probe target written as dnsmasq writes servers: ADDR[#PORT], IPv4 or IPv6 literal.
import ipaddr from 'ipaddr.js';

export interface ProbeTarget {
  address: string;
  port: number;
  family: 4 | 6;
}

/** `ADDR#PORT` with the port always shown, the key of a server in probe reports. */
export function formatTarget(t: ProbeTarget): string {
  return `${t.address}#${t.port}`;
}

/** Throws an Error naming the bad part when `text` is not `ADDR[#PORT]`. */
export function parseTarget(text: string): ProbeTarget {
  const hash = text.lastIndexOf('#');
  const addr = hash >= 0 ? text.slice(0, hash) : text;
  const portText = hash >= 0 ? text.slice(hash + 1) : '53';
  if (!ipaddr.isValid(addr)) throw new Error(`"${text}": "${addr}" is not an IPv4 or IPv6 address`);
  if (!/^\d{1,5}$/.test(portText) || Number(portText) < 1 || Number(portText) > 65535) {
    throw new Error(`"${text}": port "${portText}" is not a number from 1 to 65535`);
  }
  const parsed = ipaddr.parse(addr);
  return { address: parsed.toString(), port: Number(portText), family: parsed.kind() === 'ipv6' ? 6 : 4 };
}
