// Options that decide where a query goes and how upstream servers are used (spec sections a.2, b and d).
import type { OptionDocTable } from './option-docs-text.js';

export const FORWARDING_OPTION_DOCS: OptionDocTable = {
  server: {
    summary: 'Add an upstream server, optionally only for the names under one or more domains.',
    details:
      'Grammar: `[/domain1/domain2/]address[#port][@source[#port]]`. A name goes to the servers of the longest ' +
      'matching domain (whole labels, case-insensitive), else to the servers without a domain. Special forms: ' +
      '`/d/` with nothing after it answers NXDOMAIN locally, `/d/#` sends `d` to the default servers, `//addr` takes ' +
      'names without dots, `/*d/` matches any name ending in `d`. Port: digits 0-65535, default 53 (an empty `#` means 0); ' +
      'IPv6 literals go without brackets. A hostname is accepted but resolved once, at start-up. Pitfalls: a trailing ' +
      '`/` silently turns the address into a second local-only domain, and `--server=` alone makes every name NXDOMAIN ' +
      'unless another default server exists. ' +
      '**kube-dns:** `--server=/cluster.local/127.0.0.1#10053` sends cluster names to the kubedns container; the ' +
      'server without a domain is the upstream everything else depends on.',
  },
  local: {
    summary: 'Answer names under a domain locally only (NXDOMAIN unless known); same grammar as --server.',
    details:
      'dnsmasq parses `--local` exactly like `--server`; by convention it is written `--local=/domain/`, which marks the ' +
      'domain local-only: its names are answered from hosts files and config, and anything unknown gets NXDOMAIN ' +
      '(logged `config NAME is NXDOMAIN`) without ever being forwarded. Given an address it routes like `--server`. ' +
      'Repeatable.',
  },
  address: {
    summary: 'Answer A/AAAA queries for names under a domain with a fixed address, without asking upstream.',
    details:
      'Grammar: `/domain/[/domain2/]target` where target is an IPv4 literal (answers A), an IPv6 literal (answers AAAA), ' +
      '`#` (0.0.0.0 and ::) or empty (NXDOMAIN). Since 2.86 other query types for those names still go upstream. ' +
      'Without `/domain/` the address answers every name. Answers are authoritative, carry `--local-ttl` (0 by default) ' +
      'and are not cached. No ports or hostnames: those fail with `Bad address in --address`. Repeatable.',
  },
  'rev-server': {
    summary: 'Send reverse (PTR) lookups for an address range to a given server.',
    details:
      'Grammar: `network[/prefix][,server]`, the server part as in `--server`. It is shorthand for `--server` on the ' +
      '`in-addr.arpa`/`ip6.arpa` zones of the range; a prefix that is not a multiple of 8 (4 for IPv6) expands into ' +
      'several zones. The prefix defaults to /32 (/128); IPv4 prefixes must be 1-32 (`bad IPv4 prefix length`), IPv6 ' +
      '1-128. Without a server the zones become local-only. Repeatable.',
  },
  'strict-order': {
    summary: 'Try upstream servers one at a time, in command-line order, instead of racing them.',
    details:
      'Every query starts at the first server; only a SERVFAIL or REFUSED (or the client asking again) moves it to the ' +
      'next one. When the last server fails too, the client gets no reply at all and must time out. Without this flag ' +
      'dnsmasq sends a query to all servers of the group now and then, sticks with the one that answered, and re-sends ' +
      'once to all after a SERVFAIL. Flag; default off. ' +
      '**kube-dns:** with a single upstream, a SERVFAIL from it turns into a client timeout.',
  },
  'all-servers': {
    summary: 'Send every query to all upstream servers of its group; the first useful reply wins.',
    details:
      'Each query is sent to every server configured for its domain; the first reply that is not REFUSED is used, even ' +
      'a SERVFAIL. It multiplies upstream traffic by the number of servers. Flag; default off.',
  },
  'dns-forward-max': {
    summary: 'Maximum forwarded queries in flight per server group; more are refused (default 150).',
    details:
      'Counts queries forwarded and not yet answered (for up to 10 s) per group of servers; once N are pending, new ' +
      'queries get REFUSED at once and dnsmasq logs `Maximum number of concurrent DNS queries reached (max: N)`. ' +
      'Default 150. `0` is accepted and refuses every query that would be forwarded, as does a value that wraps to -1; ' +
      'one that wraps to -2 or less passes `--test` but stops dnsmasq at start-up (`could not get memory`). ' +
      'Digits only; empty means 0; given once. ' +
      '**kube-dns:** a burst of lookups against a slow upstream hits this limit; newer kube-dns manifests raise it ' +
      '(for example to 1500).',
  },
  'fast-dns-retry': {
    summary: 'Let dnsmasq re-send unanswered queries itself, with a growing delay (milliseconds).',
    details:
      'Normally dnsmasq never re-sends a query on its own: it waits for the client to ask again. With this option it ' +
      're-sends to the same server after the given delay, doubling it each time, until the total time has passed. ' +
      'Value only with `=`: `[=delay[,total]]` in milliseconds; bare means 1000 ms and 10 s; a delay below 50 is ' +
      'refused. Default: off.',
  },
  'no-resolv': {
    summary: 'Do not read /etc/resolv.conf for upstream servers; only --server entries are used.',
    details:
      'The resolv file (`/etc/resolv.conf` or `--resolv-file`) is neither read nor watched. With no `--server` for a ' +
      'name, dnsmasq answers REFUSED (`config error is REFUSED`), and at start-up logs `warning: no upstream servers ' +
      'configured` when there is none at all. Flag. ' +
      '**kube-dns:** used with an explicit default `--server`, so the upstream is exactly the one the manifest names.',
  },
  'resolv-file': {
    summary: 'Read upstream servers from this file instead of /etc/resolv.conf (watched for changes).',
    details:
      'The `nameserver` lines of the file become default upstream servers, and the file is re-read when it changes ' +
      '(unless `--no-poll`). Repeatable. The long form takes its value only as `--resolv-file=PATH`; `-r PATH` works. ' +
      'A missing file passes `--test`. Ignored under `--no-resolv`.',
  },
  'servers-file': {
    summary: 'Read --server/--rev-server lines from a file that is re-read on SIGHUP.',
    details:
      'Like `--conf-file`, but only `server=` and `rev-server=` lines are allowed in it, and it is read again when dnsmasq ' +
      'receives SIGHUP, so routes can change without a restart. Given once. A missing file passes `--test`.',
  },
  'no-poll': {
    summary: 'Do not watch the resolv file for changes.',
  },
  'dns-loop-detect': {
    summary: 'Probe each upstream with TXT queries to detect and disable forwarding loops.',
    details:
      'dnsmasq sends a TXT query for `<hex>.test` to each upstream server; if that query comes back to the same dnsmasq ' +
      'as a new client query, the server forms a loop and is disabled (and logged). The probes are repeated whenever ' +
      'the server list changes. Flag; default off. ' +
      '**kube-dns:** catches an upstream that is, in the end, this very pod.',
  },
  'edns-packet-max': {
    summary: 'Largest EDNS UDP payload dnsmasq advertises and accepts (default 1232).',
    details:
      'When a client sends EDNS, the UDP size passed upstream is clamped to this value; answers larger than that come ' +
      'back truncated and the client retries over TCP. Default 1232 bytes. Digits only; given once. No EDNS is added ' +
      'to queries of clients that sent none.',
  },
  'query-port': {
    summary: 'Send all upstream queries from one fixed UDP port instead of random ports.',
    details:
      'Normally each forwarded query leaves from a fresh random port, which together with the random query ID makes ' +
      'spoofed replies hard to land. A fixed port gives that up. `0` lets the system pick one port for all queries. ' +
      'Value 0-65535; given once. Default: random ports.',
  },
  'min-port': {
    summary: 'Lowest source port used for upstream queries (default 1024).',
    details:
      'Random source ports for forwarded queries are drawn at or above this port, for firewalls that only allow a ' +
      'range. Value 0-65535; given once. Default 1024.',
  },
  'max-port': {
    summary: 'Highest source port used for upstream queries.',
    details:
      'Random source ports for forwarded queries stay at or below this port, for firewalls that only allow a ' +
      'range. Value 0-65535; given once. Default: the top of the port space.',
  },
  'port-limit': {
    summary: 'How many random source ports one query may use across its retries and servers.',
  },
};
