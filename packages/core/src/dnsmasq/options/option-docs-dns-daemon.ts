// Where dnsmasq listens, how it runs as a process, what it reads at start-up and how it logs (spec a.1, a.2, e).
import type { OptionDocTable } from './option-docs-text.js';

export const DAEMON_OPTION_DOCS: OptionDocTable = {
  port: {
    summary: 'Port to serve DNS on (default 53); 0 turns the DNS side off.',
    details:
      'dnsmasq listens for DNS on this UDP and TCP port. `0` disables DNS entirely (only DHCP/TFTP stay), and so does ' +
      'an empty value, since empty means 0. Value 0-65535, digits only; anything else fails with `try --help`. Given once. ' +
      '**kube-dns:** dnsmasq serves the pod\'s port 53 and forwards cluster names to kubedns on 10053; a different ' +
      'port here must match the Service\'s `targetPort`.',
  },
  'listen-address': {
    summary: 'Listen on these IP addresses (comma list of literals).',
    details:
      'dnsmasq answers only on the listed addresses (and the interfaces given by `--interface`). Value: IPv4 or IPv6 ' +
      'literals separated by commas; hostnames and an empty value are refused with `try --help`. Repeatable. ' +
      'Combine with `--bind-interfaces` to bind exactly these addresses.',
  },
  'bind-interfaces': {
    summary: 'Bind only the addresses dnsmasq serves, instead of the wildcard address.',
    details:
      'By default dnsmasq binds the wildcard address and discards queries arriving elsewhere; with this flag it binds ' +
      'each listening address itself, so another DNS server can use the same port on other addresses of the host. ' +
      'Flag; default off. ' +
      '**kube-dns:** a pod has its own network namespace, so it is only needed when dnsmasq runs on the host ' +
      'network next to another resolver.',
  },
  interface: {
    summary: 'Serve only on the named network interface(s) (and loopback).',
    details:
      'Restricts dnsmasq to queries arriving on the given interfaces; loopback is always served when any interface ' +
      'is named. Value: an interface name; a trailing `*` matches several (`eth*`). Repeatable.',
  },
  'except-interface': {
    summary: 'Do not serve on the named network interface.',
  },
  'keep-in-foreground': {
    summary: 'Stay in the foreground (no fork) but otherwise run normally.',
    details:
      'dnsmasq does not detach, which is what a container runtime or supervisor needs; unlike `--no-daemon` it still ' +
      'changes user, writes the pid file and forks for TCP. With `--log-facility=-` its lines carry no timestamp. Flag. ' +
      '**kube-dns:** the stock manifests start dnsmasq with `-k`.',
  },
  'no-daemon': {
    summary: 'Debug mode: stay in the foreground, echo the log to stderr, no pid file or user change.',
    details:
      '`-d` keeps dnsmasq in the foreground, does not write a pid file, does not drop privileges and serves TCP in the ' +
      'main process instead of forking. Logging defaults to the LOCAL0 facility and is echoed to stderr. There is no ' +
      '`--debug` option: `-d` is spelled `--no-daemon`. Flag.',
  },
  user: {
    summary: 'User to switch to after start-up (default nobody).',
    details:
      'After opening its sockets dnsmasq drops root privileges to this user. The long form takes its value only as ' +
      '`--user=NAME`; `--user` alone is accepted and keeps root, while `--user root` (separate word) fails with ' +
      '`junk found in command line`. The short form is `-u NAME`. Given once. Default `nobody`.',
  },
  group: {
    summary: 'Group to switch to after start-up.',
  },
  'pid-file': {
    summary: 'Where to write the process id (default /run/dnsmasq/dnsmasq.pid); empty means none.',
    details:
      'The long form takes its value only as `--pid-file=PATH`; `--pid-file=` (empty) or `--pid-file` alone writes ' +
      'no pid file. Not written under `-d`. Given once. ' +
      '**kube-dns:** containers do not need a pid file; an empty value avoids a writable `/run`.',
  },
  'conf-file': {
    summary: 'Read options from this file (default /etc/dnsmasq.conf); empty or bare means no file.',
    details:
      'Each line holds one long option without its dashes. The command line is read first, then the files; for ' +
      'options allowed once, the file wins. Giving `--conf-file` at all replaces the default `/etc/dnsmasq.conf`; ' +
      '`--conf-file=` or `--conf-file=/dev/null` reads none. A missing file stops dnsmasq with ' +
      '`cannot read PATH: No such file or directory` (exit 3). The long form takes its value only with `=`. Repeatable.',
  },
  'conf-dir': {
    summary: 'Read every file of a directory as a config file, optionally filtered by extension.',
    details:
      'Value: `dir[,ext...]`. Files ending in a listed extension are skipped, or with `*.ext` only those are read; ' +
      'backup and hidden files are always skipped, and the rest are read in alphabetical order. Repeatable.',
  },
  test: {
    summary: 'Check the command line and config files, print "syntax check OK." and exit.',
    details:
      'Parses everything as a normal start would, prints `dnsmasq: syntax check OK.` on stderr and exits 0, or prints ' +
      'the error and exits non-zero. It does not bind sockets or check interfaces, but hostnames in `--server` are ' +
      'resolved. `kube-dns-tools check-args` gives the same verdict without dnsmasq installed.',
  },
  'log-queries': {
    summary: 'Log every query, where it went and how it was answered (=extra adds client and serial).',
    details:
      'Each query produces lines such as `query[A] NAME from IP`, `forwarded NAME to IP`, `reply NAME is ADDR` or ' +
      '`cached NAME is NODATA-IPv4`. `--log-queries=extra` prefixes each line with a serial number and the client ' +
      'address/port; any other value is accepted and ignored. The short form `-q` takes no value, and ' +
      '`--log-queries extra` (separate word) fails with `junk found in command line`. ' +
      '**kube-dns:** these lines are how a cached bad answer shows up (`cached X is NODATA-IPv4`); they cost one ' +
      'log line per event.',
  },
  'log-facility': {
    summary: 'Where the log goes: "-" for stderr, a path for a file, else a syslog facility name.',
    details:
      '`-` writes to stderr; a value containing `/` is a file (lines get a `Mmm dd hh:mm:ss` timestamp); anything else ' +
      'must be a syslog facility name such as `local0` or `DAEMON` (any case), or dnsmasq fails with ' +
      '`bad log facility`; so does an empty value. Default: syslog facility DAEMON (LOCAL0 under `-d`). Given once. ' +
      '**kube-dns:** containers have no syslog daemon, so without `-` or `/dev/stdout` (or `-d`, which echoes the log to ' +
      'stderr) the query log is lost.',
  },
  'log-async': {
    summary: 'Queue log lines instead of blocking on a slow syslog (default 5 lines, at most 100).',
    details:
      'Value only with `=`: `--log-async` queues up to 5 lines, `=N` up to N; values above 100 are clamped to 100 and ' +
      'non-numeric ones refused. It only matters for syslog: logging to a file or stderr ignores it. Given once.',
  },
  'log-debug': {
    summary: 'Log extra details meant for debugging.',
  },
  'no-hosts': {
    summary: 'Do not answer from /etc/hosts.',
    details:
      'Names in the local `/etc/hosts` are neither loaded nor answered; files given with `--addn-hosts` are still read. ' +
      'Flag. **kube-dns:** keeps the pod\'s own hosts file (its own name, localhost) out of cluster answers.',
  },
  'addn-hosts': {
    summary: 'Also answer from this hosts-format file (or every file of a directory).',
  },
  'max-tcp-connections': {
    summary: 'How many DNS-over-TCP connections are served at once (default 20).',
    details:
      'Each TCP connection is served by a forked child, and this caps how many run at once. Clients fall back ' +
      'to TCP when a UDP answer is truncated. Value: a positive integer (0 is refused). Given once. Default 20.',
  },
};
