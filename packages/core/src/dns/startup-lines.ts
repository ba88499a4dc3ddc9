/** dnsmasq's start-up lines (spec b.2): version and cache size, then one line per server rule. */
import type { ForwarderConfig } from './forwarder-config.js';
import { upstreamLabel } from './upstreams.js';

const MAX_LOCAL_LINES = 8;

export function startupLines(config: ForwarderConfig): string[] {
  const lines = [
    config.cache.size > 0 ? `started, version 2.90 cachesize ${config.cache.size}` : 'started, version 2.90 cache disabled',
    'compile time options: IPv6 no-DBus no-i18n no-IDN no-DHCP no-DHCPv6 no-Lua no-TFTP no-conntrack no-ipset no-nftset no-auth no-cryptohash no-DNSSEC no-loop-detect no-inotify no-dumpfile (kube-dns-tools forwarder)',
  ];
  const locals: string[] = [];
  let upstreams = config.defaultServers.length;
  for (const r of config.routes) {
    const shown = r.match === 'wildcard' ? `*${r.domain}` : r.domain;
    const t = r.target;
    if (t.kind === 'servers') {
      upstreams += t.servers.length;
      for (const s of t.servers) {
        if (r.match === 'all') lines.push(`using nameserver ${upstreamLabel(s)}`);
        else if (r.match === 'unqualified') lines.push(`using nameserver ${upstreamLabel(s)} for unqualified names `);
        else lines.push(`using nameserver ${upstreamLabel(s)} for domain ${shown} `);
      }
    } else if (t.kind === 'local' && r.match !== 'all') locals.push(shown);
    else if (t.kind === 'default-servers') lines.push(`using standard nameservers for ${shown}`);
  }
  for (const s of config.defaultServers) lines.push(`using nameserver ${upstreamLabel(s)}`);
  for (const d of locals.slice(0, MAX_LOCAL_LINES)) lines.push(`using only locally-known addresses for ${d}`);
  if (locals.length > MAX_LOCAL_LINES) lines.push(`using ${locals.length - MAX_LOCAL_LINES} more local addresses`);
  if (upstreams === 0) lines.push('warning: no upstream servers configured');
  return lines;
}
