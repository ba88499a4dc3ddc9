import { parseArgv } from '../dnsmasq/argv/argv.js';
import { parseServerValue } from '../dnsmasq/server/server.js';
import { isServerOptionKind, type ServerOptionKind, type ServerParseResult } from '../dnsmasq/server/server-spec.js';
import { confFileReason } from '../dnsmasq/conf-file-messages.js';
import type { ArgvProblemCode, ParsedArgv, ParsedOption } from '../dnsmasq/argv/parsed-argv.js';
import type { DnsmasqInvocation, ManifestArg } from '../manifest/model.js';
import { hasPlaceholder } from '../manifest/placeholder.js';
import { numericValue } from '../dnsmasq/numbers.js';
import { refuseAbbreviations } from '../manifest/conf-argv.js';
import { CONF_FILE_KIND } from '../manifest/conf-file-reader.js';
import { COMPOSE_KIND } from '../manifest/compose.js';

/** Whether an option is given: in every rendering, only inside a template conditional, or not at all. */
export type Presence = 'always' | 'conditional' | 'absent';

/** A literal (untemplated) value of --server, --local, --address or --rev-server and what its grammar made of it. */
export interface ServerValue {
  readonly option: ParsedOption;
  readonly kind: ServerOptionKind;
  readonly value: string;
  readonly result: ServerParseResult;
}

/** Options up to which an invocation keeps its parsed server values (see `servers`). */
const KEEP_PARSED = 2_000;

/** What the rules ask about one dnsmasq invocation, computed once. */
export class InvocationFacts {
  readonly argv: ParsedArgv;
  private readonly byLong = new Map<string, ParsedOption[]>();

  /** `text` is the linted text, where a conf file's line numbers are counted. */
  constructor(
    readonly invocation: DnsmasqInvocation,
    private readonly text = '',
  ) {
    const argv = parseArgv(invocation.args);
    this.argv = this.isConfFile() ? refuseAbbreviations(argv, invocation.args) : argv;
    for (const option of this.argv.options) {
      if (this.nameTemplated(option)) continue;
      const list = this.byLong.get(option.spec.long);
      if (list) list.push(option);
      else this.byLong.set(option.spec.long, [option]);
    }
  }

  private serverList: readonly ServerValue[] | undefined;

  /**
   * Server-grammar values in argv order; templated values are left out. Parsed once and kept for an ordinary
   * argv; for a list of more than KEEP_PARSED options parsed anew on every walk, as kept parsed they would cost
   * 600 bytes a server for as long as the invocation is linted.
   */
  servers(): Iterable<ServerValue> {
    if (this.serverList) return this.serverList;
    if (this.argv.options.length > KEEP_PARSED) return this.parseServers();
    return (this.serverList = [...this.parseServers()]);
  }

  private *parseServers(): IterableIterator<ServerValue> {
    for (const option of this.argv.options) {
      const kind = option.spec.long;
      if (!isServerOptionKind(kind) || option.value === undefined || this.nameTemplated(option) || this.valueTemplated(option)) continue;
      yield { option, kind, value: option.value, result: parseServerValue(kind, option.value) };
    }
  }

  /** Source range of `value.slice(from, to)` of an option. */
  valueRange(option: ParsedOption, from: number, to: number): { start: number; end: number } {
    const map = option.mapValue;
    const base = option.valueRange?.start ?? option.range.start;
    return map ? { start: map(from), end: map(to) } : { start: base + from, end: base + to };
  }

  arg(tokenIndex: number): ManifestArg | undefined {
    return this.invocation.args[tokenIndex];
  }

  /** Every occurrence of an option, by its long name (aliases such as `-N` included). */
  options(long: string): readonly ParsedOption[] {
    return this.byLong.get(long) ?? [];
  }

  presence(long: string): Presence {
    const own = this.presenceOf(this.options(long));
    // A conf fragment is completed by the other files of its folder: an option one of them gives is given.
    if (own !== 'always' && this.invocation.fragment?.options?.includes(long)) return 'always';
    return own;
  }

  /** Whether any of these occurrences is given in every rendering, only in some, or none is given. */
  presenceOf(options: readonly ParsedOption[]): Presence {
    if (options.length === 0) return 'absent';
    return options.some((o) => !this.conditional(o)) ? 'always' : 'conditional';
  }

  conditional(option: ParsedOption): boolean {
    if (this.arg(option.tokenIndex)?.conditional) return true;
    return option.valueTokenIndex !== undefined && this.arg(option.valueTokenIndex)?.conditional === true;
  }

  /** The option's name itself comes from a template: we cannot tell which option it is. */
  nameTemplated(option: ParsedOption): boolean {
    const arg = this.arg(option.tokenIndex);
    if (!arg?.templated) return false;
    const eq = arg.text.indexOf('=');
    return hasPlaceholder(eq === -1 ? arg.text : arg.text.slice(0, eq));
  }

  /** The value holds a placeholder: it is never judged. */
  valueTemplated(option: ParsedOption): boolean {
    const index = option.valueTokenIndex ?? option.tokenIndex;
    return this.arg(index)?.templated === true;
  }

  /**
   * dnsmasq answers no DNS here, so its DNS settings are not judged: a wrapper told `--dhcp` and nothing of DNS, `--port=0` (a DHCP/TFTP server such as a PXE
   * or ironic one), or a DHCP server whose port is templated or set to 0 only in some renderings (its DNS may well be
   * off: which it is cannot be told).
   */
  servesNoDns(): boolean {
    // --test checks the configuration and exits, as --help and --version print and exit: nothing is served.
    if (['test', 'help', 'version'].some((long) => this.presence(long) === 'always')) return true;
    if (this.invocation.fragment && !this.argv.options.some(configuresDnsService)) return true;
    // A controller told to run a DHCP server and nothing about DNS: it may add --port=0 itself (dnsmasq-controller does).
    const own = this.invocation.wrapperFlags ?? [];
    if (own.some((f) => /^--?(enable-)?dhcp(=true)?$/i.test(f)) && !own.some((f) => /dns/i.test(f))) return true;
    const ports = this.options('port');
    if (ports.length === 0) return false;
    const last = ports[ports.length - 1]!;
    const hidden = ports.some((o) => this.valueTemplated(o));
    if (!hidden && !this.conditional(last) && last.value !== undefined) return /^\s*0+\s*$/.test(last.value);
    const zeroSomewhere = ports.some((o) => o.value !== undefined && !this.valueTemplated(o) && /^\s*0+\s*$/.test(o.value));
    return (hidden || zeroSomewhere) && this.argv.options.some((o) => /^dhcp-range$|^dhcp-host$|^enable-tftp$|^dhcp-boot$/.test(o.spec.long));
  }

  /** `--cache-size=0` (or a value dnsmasq reads as 0 or less) in every rendering: nothing is cached, negative answers neither. */
  cacheOff(): boolean {
    const given = this.literalValue('cache-size');
    if (!given || this.conditional(given.option)) return false;
    const n = numericValue(given.value);
    return n !== undefined && n <= 0;
  }

  /** `-C`/`--conf-file` or `-7`/`--conf-dir` pointing at real configuration: options may live there. */
  delegatedConfig(): readonly ParsedOption[] {
    const found: ParsedOption[] = [];
    for (const option of [...this.options('conf-file'), ...this.options('conf-dir')]) {
      const value = option.value?.trim() ?? '';
      if (value === '' || value === '/dev/null') continue;
      found.push(option);
    }
    return found;
  }

  /** Options may also come from a conf file or directory dnsmasq reads (-C, -7) or one mounted into the container. */
  configElsewhere(): boolean {
    return this.delegatedConfig().length > 0 || (this.invocation.mountedConfig?.length ?? 0) > 0;
  }

  /**
   * Options this invocation may have that cannot be seen: read from a conf file or directory (-C, -7, one mounted
   * into the container), a list a template prints whole (`args:` then `{{ toYaml .Values.args }}`), or list items
   * the reader passed over (tab-indented). Whether an option is missing cannot be judged then. A template that adds
   * words to a list with words of its own (a `{{ range }}` of extra flags) hides nothing: extras are extras.
   */
  optionsHidden(): boolean {
    return this.configElsewhere() || this.invocation.listNotInView !== undefined;
  }

  isConfFile(): boolean {
    return this.invocation.workload.kind === CONF_FILE_KIND;
  }

  /** A conf file read on its own: it may serve a host (syslog, launchd, systemd) as well as a container. */
  hostOrContainerUnknown(): boolean {
    return this.invocation.hostOrContainerUnknown === true;
  }

  /** Who asks this dnsmasq: the pods of a cluster, or, for a Compose service or a conf file read on its own, its clients. */
  clients(): string {
    return this.hostOrContainerUnknown() || this.invocation.workload.kind === COMPOSE_KIND ? 'client' : 'pod';
  }

  /** How a word reads in this source: a conf file writes `no-negcache` where an argv has `--no-negcache`. */
  written(word: string): string {
    return this.isConfFile() && word.startsWith('--') ? word.slice(2) : word;
  }

  /**
   * What dnsmasq prints refusing the option at source offset `at`, given its command-line message: that message,
   * or for a conf file the line's (`bad option at line 4`). `code` names a getopt-level problem.
   */
  dnsmasqSays(cliMessage: string, at: number, code?: ArgvProblemCode): string {
    if (!this.isConfFile()) return cliMessage;
    let line = 1;
    const starts = this.invocation.confLineStarts;
    if (starts) line = Math.max(1, starts.filter((s) => s <= at).length);
    else for (let i = this.text.indexOf('\n'); i !== -1 && i < at; i = this.text.indexOf('\n', i + 1)) line++;
    return `${confFileReason(cliMessage, code)} at line ${line}`;
  }

  /**
   * The resolv files dnsmasq takes nameservers from unless -R: /etc/resolv.conf, or those --resolv-file names.
   * Empty when none can hold one (an empty value or /dev/null; measured with dnsmasq 2.90), undefined when a
   * templated value hides them.
   */
  resolvFiles(): string[] | undefined {
    const given = this.options('resolv-file');
    if (given.some((o) => this.valueTemplated(o))) return undefined;
    const files = given.length === 0 ? ['/etc/resolv.conf'] : given.map((o) => o.value ?? '/etc/resolv.conf');
    return [...new Set(files.filter((f) => f !== '' && f !== '/dev/null'))];
  }

  /** Long or short, as most of the invocation's options are written (long when tied). */
  style(): 'long' | 'short' {
    let long = 0;
    let short = 0;
    for (const option of this.argv.options) {
      if (option.form === 'long') long++;
      else short++;
    }
    return short > long ? 'short' : 'long';
  }

  /** The last value given for a once-option, when it is not templated. */
  literalValue(long: string): { option: ParsedOption; value: string } | undefined {
    const list = this.options(long);
    const option = list[list.length - 1];
    if (!option || option.value === undefined || this.valueTemplated(option)) return undefined;
    return { option, value: option.value };
  }
}

/** Options that set up dnsmasq's DNS service itself, where the others add data to it or set up DHCP. */
const SERVICE_OPTIONS = new Set([
  'resolv-file', 'no-resolv', 'cache-size', 'neg-ttl', 'no-negcache', 'log-queries', 'log-facility', 'port', 'listen-address',
  'interface', 'except-interface', 'bind-interfaces', 'bind-dynamic', 'domain-needed', 'bogus-priv', 'strict-order',
  'all-servers', 'no-hosts', 'dns-forward-max', 'max-ttl', 'min-cache-ttl', 'max-cache-ttl', 'local-ttl',
  'keep-in-foreground', 'no-daemon', 'no-poll', 'query-port', 'edns-packet-max', 'user', 'group', 'pid-file', 'conf-dir', 'rev-server',
]);

/**
 * Whether an option of a conf fragment sets up the DNS service, so the fragment is a server's configuration: a
 * service option, or a --server that forwards somewhere. A DNSSEC trust anchor, a block list (`address=/ad.example/`,
 * `server=/ad.example/` without an address), host records or DHCP settings are data the service reads: what the
 * service is missing is not such a file's business.
 */
function configuresDnsService(option: ParsedOption): boolean {
  if (SERVICE_OPTIONS.has(option.spec.long)) return true;
  if (option.spec.long !== 'server') return false;
  const upstream = (option.value ?? '').split('/').pop() ?? '';
  return upstream !== '' && upstream !== '#';
}
