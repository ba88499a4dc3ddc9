/** dnsmasq's start-up lines (spec b.2): version and cache size, then one line per server rule. */
import type { ForwarderConfig, UpstreamAddress } from './forwarder-config.js';

const MAX_LOCAL_LINES = 8;

export function startupLines(config: ForwarderConfig): string[] {
  const lines = [
    config.cache.size > 0 ? `started, version 2.90 cachesize ${config.cache.size}` : 'started, version 2.90 cache disabled',
    'compile time options: IPv6 no-DBus no-i18n no-IDN no-DHCP no-DHCPv6 no-Lua no-TFTP no-conntrack no-ipset no-nftset no-auth no-cryptohash no-DNSSEC no-loop-detect no-inotify no-dumpfile (kube-dns-tools forwarder)',
    ...serverLines(config, []),
  ];
  const upstreams = config.defaultServers.length + config.routes.filter((r) => r.target.kind === 'servers').length;
  // With a resolv file dnsmasq does not warn: the file may name servers later.
  if (upstreams === 0 && !config.resolv) lines.push('warning: no upstream servers configured');
  return lines;
}

/**
 * The `using ...` lines dnsmasq prints at start and after each read of the resolv file: rule servers, the
 * command line's default servers, then those of the resolv file. dnsmasq always shows the port here.
 */
export function serverLines(config: ForwarderConfig, fromResolv: readonly UpstreamAddress[]): string[] {
  const lines: string[] = [];
  const locals: string[] = [];
  for (const r of config.routes) {
    const shown = r.match === 'wildcard' ? `*${r.domain}` : r.domain;
    const t = r.target;
    if (t.kind === 'servers') {
      for (const s of t.servers) {
        if (r.match === 'all') lines.push(`using nameserver ${withPort(s)}`);
        else if (r.match === 'unqualified') lines.push(`using nameserver ${withPort(s)} for unqualified names `);
        else lines.push(`using nameserver ${withPort(s)} for domain ${shown} `);
      }
    } else if (t.kind === 'local' && r.match !== 'all') locals.push(shown);
    else if (t.kind === 'default-servers') lines.push(`using standard nameservers for ${shown}`);
  }
  for (const s of [...config.defaultServers, ...fromResolv]) lines.push(`using nameserver ${withPort(s)}`);
  for (const d of locals.slice(0, MAX_LOCAL_LINES)) lines.push(`using only locally-known addresses for ${d}`);
  if (locals.length > MAX_LOCAL_LINES) lines.push(`using ${locals.length - MAX_LOCAL_LINES} more local addresses`);
  return lines;
}

function withPort(s: UpstreamAddress): string {
  return `${s.address}#${s.port}`;
}
