/** Raw Linux `struct sockaddr_in`/`sockaddr_in6` bytes for the native send calls, cached per address and port. */
import ipaddr from 'ipaddr.js';
import { endianness } from 'node:os';

const SIZE = 28;
const AF_INET = 2;
const AF_INET6 = 10;
const MAX_CACHED = 4096;
const little = endianness() === 'LE';

/** The sockaddr for an IP literal and port, or undefined (a scoped IPv6 address, or not an IP): send those through node:dgram. */
export function encodeSockaddr(address: string, port: number): Buffer | undefined {
  if (address.includes('%') || !(ipaddr.IPv4.isValidFourPartDecimal(address) || ipaddr.IPv6.isValid(address))) return undefined;
  const ip = ipaddr.parse(address);
  const out = Buffer.alloc(SIZE);
  const v6 = ip.kind() === 'ipv6';
  if (little) out.writeUInt16LE(v6 ? AF_INET6 : AF_INET, 0);
  else out.writeUInt16BE(v6 ? AF_INET6 : AF_INET, 0);
  out.writeUInt16BE(port, 2);
  out.set(ip.toByteArray(), v6 ? 8 : 4);
  return out;
}

/** port -> address -> sockaddr (null: none); nested so that a lookup builds no key string. */
export class SockaddrCache {
  private readonly byPort = new Map<number, Map<string, Buffer | null>>();
  private cached = 0;

  get(address: string, port: number): Buffer | undefined {
    let byAddress = this.byPort.get(port);
    if (!byAddress) this.byPort.set(port, (byAddress = new Map()));
    let hit = byAddress.get(address);
    if (hit === undefined) {
      if (++this.cached > MAX_CACHED) {
        this.byPort.clear();
        this.cached = 0;
      }
      hit = encodeSockaddr(address, port) ?? null;
      byAddress.set(address, hit);
    }
    return hit ?? undefined;
  }
}
