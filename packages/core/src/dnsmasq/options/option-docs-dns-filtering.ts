// Options that answer or reject certain queries and replies locally instead of passing them on (spec a.2, b.3, c.1).
import type { OptionDocTable } from './option-docs-text.js';

export const FILTERING_OPTION_DOCS: OptionDocTable = {
  'domain-needed': {
    summary: 'Never forward A/AAAA queries for names without a dot; answer them NXDOMAIN locally.',
    details:
      'A and AAAA queries for single-label names (`myhost`) are answered NXDOMAIN by dnsmasq itself and never reach an ' +
      'upstream; other query types for such names are still forwarded. Names with at least one dot are unaffected. ' +
      'Flag; default off. ' +
      '**kube-dns:** pods normally send names already expanded by their search path, so this only catches bare names.',
  },
  'bogus-priv': {
    summary: 'Answer reverse lookups for private address ranges NXDOMAIN instead of forwarding them.',
    details:
      'PTR queries for the private and special-use ranges of RFC 6303 (10/8, 172.16/12, 192.168/16, 192.0.2/24 and ' +
      'others, plus their IPv6 counterparts) that local data cannot answer get NXDOMAIN, logged as ' +
      '`config 192.168.1.5 is NXDOMAIN`. Flag; default off. ' +
      '**kube-dns:** measured on 2.90: a `--server=/in-addr.arpa/...` route takes precedence, so with kube-dns\'s ' +
      'reverse routes the private PTR queries are still forwarded to kubedns.',
  },
  filterwin2k: {
    summary: 'Answer SOA and SRV queries (and ANY queries for names with _) locally with NODATA.',
    details:
      'Meant to stop chatty Windows clients from triggering upstream traffic: every SOA and SRV query, and ANY queries ' +
      'for names containing an underscore, are answered with an empty NOERROR by dnsmasq itself. Flag; default off. ' +
      '**kube-dns:** breaks SRV lookups of Kubernetes services (`_http._tcp.svc.ns.svc.cluster.local`); do not use it there.',
  },
  'stop-dns-rebind': {
    summary: 'Drop upstream answers that point public names at private addresses (DNS-rebinding guard).',
    details:
      'A reply from upstream that contains an address in a private range (and for IPv6 link-local and ULA addresses) ' +
      'is not passed on: the client gets an empty NOERROR, dnsmasq logs `possible DNS-rebind attack detected: NAME`, ' +
      'and nothing is cached. `--rebind-domain-ok` and `--rebind-localhost-ok` make exceptions. Flag; default off. ' +
      '**kube-dns:** measured on 2.90: answers from the `--server=/cluster.local/` route are checked too, so every ' +
      'Service name comes back empty unless `--rebind-domain-ok=/cluster.local/` is also given.',
  },
  'rebind-localhost-ok': {
    summary: 'Exempt 127.0.0.0/8 and ::1 answers from --stop-dns-rebind.',
  },
  'rebind-domain-ok': {
    summary: 'Exempt names under the given domains from --stop-dns-rebind (grammar /d1/d2/).',
  },
  'bogus-nxdomain': {
    summary: 'Turn upstream answers containing this address (or prefix) into NXDOMAIN.',
    details:
      'Some resolvers answer non-existent names with the address of an advertising page; listing that address makes ' +
      'dnsmasq rewrite such replies to NXDOMAIN. Value: an IP address, optionally with `/prefix`. Repeatable.',
  },
  'ignore-address': {
    summary: 'Discard upstream replies that contain this address (or prefix), as if never received.',
  },
  'filter-A': {
    summary: 'Remove IPv4 addresses from answers and answer A queries with NODATA.',
  },
  'filter-AAAA': {
    summary: 'Remove IPv6 addresses from answers and answer AAAA queries with NODATA.',
  },
  'filter-rr': {
    summary: 'Remove records of the listed types from answers (comma list of type names).',
  },
};
