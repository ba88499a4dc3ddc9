import { parseIPv4Any, parseIPv6 } from '../ip-literal.js';

/**
 * Our explanation for a server host that is neither an IP literal nor a name a resolver could look
 * up; dnsmasq itself only relays getaddrinfo's `Name or service not known`.
 */
export function explainNotAnAddress(host: string, option: string): string {
  if (host === '') return 'The server address is missing.';
  const bracketed = /^\[([^\]]*)\](?::([0-9]*))?$/.exec(host);
  if (bracketed) {
    const port = bracketed[2] ? `#${bracketed[2]}` : '';
    return `dnsmasq takes IPv6 addresses without brackets and writes the port after '#': ${bracketed[1]}${port}`;
  }
  const colonPort = /^(.*):([0-9]+)$/.exec(host);
  if (colonPort?.[1] && parseIPv4Any(colonPort[1])) {
    return `dnsmasq writes the port after '#': ${colonPort[1]}#${colonPort[2]}`;
  }
  if (host.includes(',')) {
    return `One server per ${option}: repeat the option for each server instead of a comma list.`;
  }
  if (/\s/.test(host)) return `'${host}' contains a blank; dnsmasq takes the text as a host name and cannot resolve it.`;
  if (host.includes(':') && !parseIPv6(host)) return `'${host}' is not a valid IPv6 address.`;
  if (/^[0-9.]+$/.test(host)) {
    return `'${host}' is not a valid IPv4 address: four numbers 0-255 separated by dots.`;
  }
  return `'${host}' is neither an IP address nor a host name that a resolver could look up.`;
}
