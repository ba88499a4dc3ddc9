// Cache and TTL options. Facts are those measured on dnsmasq 2.90 (see spec sections a.2 and c of the project's
// dnsmasq notes); where the man page disagrees with the binary, the binary wins and the text says so.
import type { OptionDocTable } from './option-docs-text.js';

export const CACHE_OPTION_DOCS: OptionDocTable = {
  'no-negcache': {
    summary: 'Never cache negative answers (NXDOMAIN or NODATA); every such name is asked upstream again.',
    details:
      'With `-N`, no NXDOMAIN or NODATA reply is stored, whatever would have given it a lifetime (an SOA, `--neg-ttl`, ' +
      'or the TTL of the CNAME chain in front of it), and the CNAME links that led to it are dropped as well. ' +
      'Positive answers, TTL handling and logging stay as they were: `reply NAME is NODATA-IPv4` is still logged, but ' +
      '`cached NAME is NODATA-IPv4` never appears. It is a flag: `--no-negcache=yes` is refused with `try --help`. ' +
      'Default: off, negative answers are cached. ' +
      '**kube-dns:** this is the fix for a flaky upstream whose one bad NODATA is otherwise served to every pod until ' +
      'the entry expires or dnsmasq restarts; the price is that names which really do not exist (search-path ' +
      'expansions under `ndots:5`) are forwarded every time.',
  },
  'neg-ttl': {
    summary: 'Lifetime in seconds for negative answers that carry no SOA record.',
    details:
      'A negative answer is cached for `min(SOA TTL, SOA MINIMUM)` when the reply has an SOA in its authority section; ' +
      'only without an SOA does `--neg-ttl` apply. Without either, dnsmasq 2.90 falls back to the smallest TTL of the ' +
      'CNAME chain that led to the missing name (not in the man page), and only when there is no chain either is the ' +
      'answer not cached. `--min-cache-ttl` and `--max-cache-ttl` then adjust the result. ' +
      'Value: decimal digits only (`60`, not `1m`); empty means 0 (the default, which leaves the CNAME fallback in place); ' +
      '2^32 and above wrap around. `-N` overrides it. ' +
      '**kube-dns:** the incident\'s NODATA had no SOA but came behind a CNAME, so it lived for the CNAME\'s TTL; a small ' +
      '`--neg-ttl` shortens that, `-N` removes it.',
  },
  'cache-size': {
    summary: 'How many records the cache holds (default 150; 0 turns caching off).',
    details:
      'Counts records, not names: every address, every CNAME link, every negative entry and every stored SOA takes one ' +
      'slot. When the cache is full, expired entries are freed first, then the least recently used name is evicted. ' +
      'Default 150; `0` disables the cache; values above 5,000,000 are silently clamped to 5,000,000 (the man page\'s ' +
      '10,000 limit is out of date). The long form takes its value only as `--cache-size=N` (`--cache-size N` fails with ' +
      '`try --help`); the short form is `-c N` or `-cN`. Digits only; empty means 0; values of 2^31 and above wrap ' +
      'modulo 2^32 (past 2^63 they all read as -1) and a negative result disables the cache. May be given once. ' +
      '**kube-dns:** the stock manifests use `--cache-size=1000`.',
  },
  'min-cache-ttl': {
    summary: 'Keep every cached record at least this many seconds (capped at 3600).',
    details:
      'Raises the TTL under which a record is stored to at least N seconds; the first reply to the client keeps the ' +
      'upstream TTL. It applies to negative entries too, and it lifts records with TTL 0 and SOA-less negative answers ' +
      'into the cache, where they would otherwise not be stored. Values above 3600 are silently clamped to 3600. ' +
      'Digits only; empty means 0. Default 0 (off). ' +
      '**kube-dns:** without `-N` this makes every bad negative answer stick for at least N seconds.',
  },
  'max-cache-ttl': {
    summary: 'Keep no cached record longer than this many seconds.',
    details:
      'Caps the TTL under which records, negative ones included, are stored; the reply that was just forwarded keeps ' +
      'the upstream TTL, later answers from the cache count down from at most N. Digits only; empty means 0. ' +
      'Default 0 (no cap). ' +
      '**kube-dns:** a cap bounds how long any wrong answer can be served from the cache, at the cost of more ' +
      'upstream queries for long-lived names.',
  },
  'max-ttl': {
    summary: 'Cap the TTL handed to clients, in forwarded and cached answers alike.',
    details:
      'Rewrites every TTL above N down to N in what clients receive, both in replies passed through from upstream and in ' +
      'answers from the cache. The cache itself still keeps records for their full TTL (that is `--max-cache-ttl`). ' +
      'Digits only; empty means 0. Default 0 (no cap). ' +
      '**kube-dns:** limits how long pods\' own resolvers may hold an answer; it does not shorten dnsmasq\'s cache.',
  },
  'local-ttl': {
    summary: 'TTL of answers dnsmasq makes up itself (hosts files, --address), default 0.',
    details:
      'Answers built from `/etc/hosts`, `--addn-hosts`, `--address` and other local data carry this TTL; the default 0 ' +
      'tells clients not to keep them. It does not touch answers obtained upstream. Digits only; empty means 0; ' +
      'given once (`-T N` or `--local-ttl=N`).',
  },
  'use-stale-cache': {
    summary: 'Serve expired cache entries (with TTL 0) while refreshing them upstream in the background.',
    details:
      'An expired entry is answered at once with TTL 0 and logged as `cached-stale`, and the query is forwarded so the ' +
      'entry is refreshed for the next client. Records with TTL 0 become cacheable. Value only with `=`: ' +
      '`--use-stale-cache` alone serves entries up to 86,400 s past expiry, `=N` sets that limit in seconds and `=0` ' +
      'removes it; negative or non-numeric values are refused. Default: off. ' +
      '**kube-dns:** keeps names resolving through an upstream outage, but pods may be given outdated answers.',
  },
  'cache-rr': {
    summary: 'Also cache the listed record types (e.g. TXT, MX), which are otherwise always forwarded.',
    details:
      'By default only A, AAAA, SRV, PTR and the CNAME links in front of them are cached; answers and NODATA for every ' +
      'other type go upstream each time. Value: a comma list of type names (case-insensitive) or numbers, or `ANY` for ' +
      'all; an unknown name is refused with `bad RR type`. May be repeated; the lists add up.',
  },
  'no-round-robin': {
    summary: 'Return cached A/AAAA records in the order received instead of rotating them on each hit.',
    details:
      'When a name has several addresses, dnsmasq normally rotates their order on every answer from the cache to spread ' +
      'load; this flag keeps the upstream\'s order. It only affects answers from the cache. Default: rotation on.',
  },
  'clear-on-reload': {
    summary: 'Empty the cache whenever the upstream server list is re-read (resolv.conf change or DBus).',
    details:
      'When dnsmasq re-reads its resolv file after a change, or receives new servers over DBus, it drops every cached ' +
      'record so that answers from the old servers are not served any more. Flag; default off. ' +
      '**kube-dns:** with `--no-resolv` and servers given by `--server`, the resolv file is never read, so this flag ' +
      'does nothing there.',
  },
};
