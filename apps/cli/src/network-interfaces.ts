import { existsSync } from 'node:fs';
import { networkInterfaces } from 'node:os';

/** Whether this machine has an interface of that name, as dnsmasq checks `%scope` (if_nametoindex) while parsing. */
export function interfaceExists(name: string): boolean {
  if (name in networkInterfaces()) return true;
  return !name.includes('/') && name !== '.' && name !== '..' && existsSync(`/sys/class/net/${name}`);
}
