/*
 * What each Corefile plugin and option does, with the CoreDNS release that added or removed it (SPEC B, F).
 * Used by hover and completion; written from the shared CoreDNS spec, not copied from CoreDNS's READMEs.
 */

export interface OptionDoc {
  readonly name: string;
  readonly syntax: string;
  readonly summary: string;
  readonly since?: string;
  readonly removed?: string;
}

export interface PluginDoc {
  readonly name: string;
  readonly syntax: string;
  readonly summary: string;
  readonly since?: string;
  readonly removed?: string;
  readonly options: readonly OptionDoc[];
}

const o = (name: string, syntax: string, summary: string, extra: { since?: string; removed?: string } = {}): OptionDoc => ({ name, syntax, summary, ...extra });

export const PLUGIN_DOCS: readonly PluginDoc[] = [
  {
    name: 'cache', syntax: 'cache [TTL] [ZONES...]', summary: 'Caches answers: success up to 3600 s, NXDOMAIN/NODATA (denial) up to 1800 s, MINTTL 5 s; `cache N` sets both maxima to N seconds (a whole number: `30s` is read as a zone). Once per server block.',
    options: [
      o('success', 'success CAPACITY [TTL [MINTTL]]', 'Positive cache: capacity (at least 1024 entries in effect), maximum and minimum TTL in seconds.'),
      o('denial', 'denial CAPACITY [TTL [MINTTL]]', 'Negative cache (NXDOMAIN, NODATA): capacity, maximum TTL (default 1800 s) and MINTTL (default 5 s). Capacity 0 does not disable it.'),
      o('prefetch', 'prefetch AMOUNT [DURATION [PERCENTAGE%]]', 'Refreshes popular entries (AMOUNT hits without a gap of DURATION) when PERCENTAGE of their TTL is left.'),
      o('serve_stale', 'serve_stale [DURATION] [immediate|verify]', 'Serves expired entries (negative and SERVFAIL ones too) for DURATION (1h); `immediate` answers stale first, `verify` asks upstream first.', { since: '1.6.6' }),
      o('serve_stale_policy', 'serve_stale_policy prefer_positive', 'Prefers a stale positive entry over a fresh negative one.', { since: '1.14.7' }),
      o('servfail', 'servfail DURATION', 'How long upstream SERVFAIL answers are cached (default 5s, at most 5m, 0 = never).', { since: '1.9.4' }),
      o('disable', 'disable success|denial [ZONES...]', 'Never caches that class for these zones (all by default).', { since: '1.9.4' }),
      o('keepttl', 'keepttl', 'Answers carry the original TTL instead of the remaining one.', { since: '1.10.1' }),
    ],
  },
  {
    name: 'forward', syntax: 'forward FROM TO... { options }', summary: 'Sends queries under FROM to up to 15 upstreams (IP[:port], tls://, a resolv.conf file). Any reply counts as healthy; a SERVFAIL is returned as is unless `failover`.',
    options: [
      o('except', 'except NAMES...', 'Names under FROM that are not forwarded.'),
      o('force_tcp', 'force_tcp', 'Always TCP to the upstreams.'),
      o('prefer_udp', 'prefer_udp', 'UDP even for TCP clients (truncated answers are retried over TCP).'),
      o('expire', 'expire DURATION', 'Idle upstream connections are closed after DURATION (10s).'),
      o('max_fails', 'max_fails N', 'An upstream is down after more than N failed health checks (2); 0 = never down.'),
      o('health_check', 'health_check DURATION [no_rec] [domain FQDN]', 'Interval between health checks of a failing upstream (0.5s).'),
      o('policy', 'policy random|round_robin|sequential', 'Order in which upstreams are tried (random).'),
      o('max_concurrent', 'max_concurrent N', 'Above N concurrent upstream queries, answer REFUSED.', { since: '1.6.9' }),
      o('tls', 'tls [CERT KEY [CA]]', 'TLS client settings for tls:// upstreams.'),
      o('tls_servername', 'tls_servername NAME', 'Server name checked in the upstream certificate.'),
      o('next', 'next RCODE...', 'Hand the query to the next forward on these rcodes.', { since: '1.11.4' }),
      o('failfast_all_unhealthy_upstreams', 'failfast_all_unhealthy_upstreams', 'Answer SERVFAIL at once when every upstream is down.', { since: '1.12.1' }),
      o('failover', 'failover RCODE...', 'Try the next upstream when one answers with these rcodes (e.g. SERVFAIL REFUSED).', { since: '1.13.0' }),
      o('max_connect_attempts', 'max_connect_attempts N', 'At most N connection attempts per query.', { since: '1.13.2' }),
      o('max_age', 'max_age DURATION', 'Maximum lifetime of an upstream connection.', { since: '1.14.3' }),
      o('max_idle_conns', 'max_idle_conns N', 'Caps the idle connection pool (0 = unlimited).'),
      o('next_on_nodata', 'next_on_nodata', 'Hand NODATA answers to the next forward.', { since: '1.14.4' }),
      o('resolver', 'resolver IP[:PORT]...', 'Resolvers for upstream host names.', { since: '1.14.4' }),
      o('read_timeout', 'read_timeout DURATION', 'Per-attempt read timeout (2s).', { since: '1.14.5' }),
      o('doh_method', 'doh_method GET|POST', 'HTTP method for https:// upstreams.', { since: '1.14.5' }),
      o('source_address', 'source_address IP', 'Local address for upstream queries.', { since: '1.14.6' }),
    ],
  },
  {
    name: 'kubernetes', syntax: 'kubernetes [ZONES...] { options }', summary: 'Answers Service and Pod names of the cluster from the API. Negative answers carry an SOA with TTL min(ttl, 300). Once per server block.',
    options: [
      o('pods', 'pods disabled|insecure|verified', 'Pod A records: `disabled` (default), `insecure` (any IP, unchecked), `verified` (watches pods).'),
      o('fallthrough', 'fallthrough [ZONES...]', 'NXDOMAIN in these zones goes to the next plugin instead (usually `in-addr.arpa ip6.arpa`).'),
      o('ttl', 'ttl SECONDS', 'TTL of answers, 0…3600 (5).'),
      o('endpoint', 'endpoint URL', 'API server URL (only the first is used).'),
      o('tls', 'tls CERT KEY CACERT', 'Client certificate for the API server.'),
      o('kubeconfig', 'kubeconfig FILE [CONTEXT]', 'Credentials from a kubeconfig.'),
      o('namespaces', 'namespaces NAMESPACE...', 'Only these namespaces are exposed.'),
      o('namespace_labels', 'namespace_labels SELECTOR', 'Only namespaces matching the selector.'),
      o('labels', 'labels SELECTOR', 'Only Services/Endpoints matching the selector.'),
      o('endpoint_pod_names', 'endpoint_pod_names', 'Endpoint names from pod names.'),
      o('noendpoints', 'noendpoints', 'No endpoint records.'),
      o('ignore', 'ignore empty_service', 'NXDOMAIN for Services without ready endpoints.'),
      o('multicluster', 'multicluster [ZONES...]', 'Multicluster services zones.', { since: '1.12.2' }),
      o('startup_timeout', 'startup_timeout DURATION', 'How long to wait for the API sync (5s).', { since: '1.12.3' }),
      o('upstream', 'upstream', 'Removed: ignored since 1.5, a start-up error since 1.7.0.', { removed: '1.7.0' }),
      o('resyncperiod', 'resyncperiod DURATION', 'Removed: a start-up error since 1.7.0.', { removed: '1.7.0' }),
      o('transfer', 'transfer to ADDRESS...', 'Moved to the `transfer` plugin in 1.8.0.', { removed: '1.8.0' }),
    ],
  },
  { name: 'errors', syntax: 'errors [stdout] { consolidate DURATION REGEXP [LEVEL]; stacktrace }', summary: 'Logs plugin errors (upstream timeouts, "no next plugin found"); without it they are not logged at all. Once per server block.', options: [o('consolidate', 'consolidate DURATION REGEXP [LEVEL]', 'Logs one summary line per DURATION for errors matching REGEXP.'), o('stacktrace', 'stacktrace', 'Logs stack traces of recovered panics.')] },
  { name: 'health', syntax: 'health [ADDRESS] { lameduck DURATION }', summary: 'HTTP `/health` on ADDRESS (`:8080`), the liveness probe of the Deployment. ADDRESS must be host:port.', options: [o('lameduck', 'lameduck DURATION', 'On shutdown, keep serving for DURATION while `ready` reports 503.')] },
  { name: 'ready', syntax: 'ready [ADDRESS]', summary: 'HTTP `/ready` on ADDRESS (`:8181`): 200 once plugins such as kubernetes are synced; the readiness probe. Once per server block.', since: '1.5.0', options: [o('monitor', 'monitor until-ready|continuously', 'Keep checking readiness after start.', { since: '1.12.2' })] },
  { name: 'prometheus', syntax: 'prometheus [ADDRESS]', summary: 'Metrics on ADDRESS (`localhost:9153`; manifests use `:9153`). ADDRESS must be host:port. Once per server block.', options: [o('runtime_metrics', 'runtime_metrics', 'Go runtime metrics.', { since: '1.14.3' })] },
  { name: 'loop', syntax: 'loop', summary: 'Detects forwarding loops at start-up (HINFO probe to itself) and exits with "Loop … detected". Once per server block.', options: [] },
  { name: 'reload', syntax: 'reload [INTERVAL] [JITTER]', summary: 'Reloads the Corefile when it changes (30s ± 15s); a broken edit keeps the old config until the next restart.', options: [] },
  { name: 'loadbalance', syntax: 'loadbalance [round_robin]', summary: 'Shuffles A, AAAA and MX records in answers (cached ones too).', options: [o('prefer', 'prefer CIDR...', 'Puts addresses in these subnets first.', { since: '1.12.4' })] },
  { name: 'log', syntax: 'log [NAMES...] [FORMAT]', summary: 'Query logging. One argument is always a NAME: `log {combined}` logs nothing; write `log . {combined}`.', options: [o('class', 'class all|success|denial|error', 'Which answers are logged.')] },
  { name: 'hosts', syntax: 'hosts [FILE [ZONES...]] { INLINE; options }', summary: 'Answers from a hosts file or inline lines; without `fallthrough` every other name in its zones gets SERVFAIL. Once per server block.', options: [o('fallthrough', 'fallthrough [ZONES...]', 'Names not in the hosts data go to the next plugin.'), o('ttl', 'ttl SECONDS', 'TTL of answers (3600).'), o('no_reverse', 'no_reverse', 'No PTR records.'), o('reload', 'reload DURATION', 'Re-read the file every DURATION (5s).')] },
  { name: 'rewrite', syntax: 'rewrite [continue|stop] FIELD [TYPE] FROM TO [answer auto|name|value …]', summary: 'Rewrites queries (name, type, class, edns0, ttl, rcode). Non-exact name rules need `answer auto`/`answer name` so answers match the question.', options: [o('name', 'name [exact|prefix|suffix|substring|regex] FROM TO', 'Rewrite the query name.'), o('answer', 'answer auto | answer name FROM TO', 'Rewrite answer names back.')] },
  { name: 'template', syntax: 'template CLASS TYPE [ZONES...] { match; answer; rcode; fallthrough }', summary: 'Answers from Go templates; without `fallthrough` a non-matching name in its zones gets SERVFAIL.', options: [o('match', 'match REGEX...', 'Questions this template answers.'), o('answer', 'answer RR', 'Answer record template.'), o('rcode', 'rcode CODE', 'Response code.'), o('fallthrough', 'fallthrough [ZONES...]', 'Non-matching names go to the next plugin.')] },
  { name: 'bind', syntax: 'bind ADDRESS|IFACE... { except ADDRESS... }', summary: 'Listen only on these addresses or interfaces (node-local-dns binds its link-local IP).', options: [o('except', 'except ADDRESS|IFACE...', 'Addresses not to listen on.', { since: '1.8.4' })] },
  { name: 'autopath', syntax: 'autopath [ZONES...] RESOLV-CONF|@kubernetes', summary: 'Follows the client\'s search path on the server; `@kubernetes` needs `pods verified`.', options: [] },
  { name: 'k8s_external', syntax: 'k8s_external ZONES...', summary: 'Answers external names for LoadBalancer/external IPs of Services.', options: [o('apex', 'apex LABEL', 'Apex label.'), o('ttl', 'ttl SECONDS', 'TTL of answers.'), o('fallthrough', 'fallthrough [ZONES...]', 'Go to the next plugin.', { since: '1.11.0' })] },
  { name: 'local', syntax: 'local', summary: 'Answers localhost and the loopback reverse zones locally.', options: [o('localhost_prefix', 'localhost_prefix on|off', 'Also answer localhost.<domain>.', { since: '1.14.5' })] },
  { name: 'dns64', syntax: 'dns64 [PREFIX]', summary: 'Synthesises AAAA records from A records (IPv6-only clusters).', options: [] },
  { name: 'bufsize', syntax: 'bufsize SIZE', summary: 'Caps the EDNS0 buffer size advertised to clients (e.g. 1232).', options: [] },
  { name: 'chaos', syntax: 'chaos [VERSION] [AUTHORS...]', summary: 'Answers CH TXT version.bind / hostname.bind.', options: [] },
  { name: 'whoami', syntax: 'whoami', summary: 'Answers with the client\'s address; the built-in default of an empty Corefile.', options: [] },
  { name: 'any', syntax: 'any', summary: 'Answers ANY queries with a short HINFO (RFC 8482).', options: [] },
  { name: 'file', syntax: 'file DBFILE [ZONES...]', summary: 'Serves zones from RFC 1035 zone files.', options: [] },
  { name: 'transfer', syntax: 'transfer [ZONES...] { to ADDRESS... }', summary: 'Zone transfers (AXFR/IXFR) out of kubernetes/file.', since: '1.8.0', options: [o('to', 'to ADDRESS...', 'Who may transfer.')] },
  { name: 'acl', syntax: 'acl [ZONES...] { allow|block|filter|drop ... }', summary: 'Allows or blocks queries by source network and type.', options: [] },
  { name: 'header', syntax: 'header { set|clear FLAG... }', summary: 'Sets or clears header flags of answers.', options: [] },
  { name: 'minimal', syntax: 'minimal', summary: 'Strips authority and additional sections from answers.', options: [] },
  { name: 'debug', syntax: 'debug', summary: 'Debug mode: panics are not recovered.', options: [] },
  { name: 'nsid', syntax: 'nsid [DATA]', summary: 'Adds an NSID (RFC 5001) to answers.', options: [] },
  { name: 'timeouts', syntax: 'timeouts { read D; write D; idle D }', summary: 'Server timeouts for TCP, TLS and HTTPS listeners.', options: [] },
  { name: 'import', syntax: 'import FILE|GLOB|SNIPPET', summary: 'Parser directive: pastes a `(snippet)` or files (relative to the Corefile, /etc/coredns/ in pods); a glob without a match only warns.', options: [] },
  { name: 'proxy', syntax: 'proxy FROM TO...', summary: 'Removed from CoreDNS in 1.5.0 ("Unknown directive \'proxy\'"); use `forward`.', removed: '1.5.0', options: [] },
  { name: 'federation', syntax: 'federation [ZONES...] { NAME DOMAIN }', summary: 'Removed in 1.7.0 (Kubernetes federation v1 is gone).', removed: '1.7.0', options: [] },
];

const BY_NAME = new Map(PLUGIN_DOCS.map((p) => [p.name, p]));

export function pluginDoc(name: string): PluginDoc | undefined {
  return BY_NAME.get(name);
}

export function optionDoc(plugin: string, option: string): OptionDoc | undefined {
  return BY_NAME.get(plugin)?.options.find((x) => x.name === option);
}

/** Markdown for hover and completion documentation. */
export function docMarkdown(doc: PluginDoc | OptionDoc, plugin?: string): string {
  const lines = [`**${plugin ? `${plugin} › ` : ''}\`${doc.syntax}\`**`, '', doc.summary];
  const versions: string[] = [];
  if (doc.since) versions.push(`since CoreDNS ${doc.since}`);
  if (doc.removed) versions.push(`removed in CoreDNS ${doc.removed}`);
  if (versions.length) lines.push('', `_${versions.join('; ')}_`);
  if (!plugin) lines.push('', `[CoreDNS plugin: ${(doc as PluginDoc).name}](https://coredns.io/plugins/${(doc as PluginDoc).name === 'prometheus' ? 'metrics' : (doc as PluginDoc).name}/)`);
  return lines.join('\n');
}
