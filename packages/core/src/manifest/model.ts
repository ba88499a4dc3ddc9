import type { ArgToken, Range } from '../text/source-range.js';
import type { TextEdit } from '../text/text-edit.js';

/** One argv word of dnsmasq, with what the template layer knows about it. */
export interface ManifestArg extends ArgToken {
  /** The word holds a template placeholder (`{{ .x }}`, `${x}`, `__PILLAR__X__`, `$DNS_DOMAIN`, ...): never judge its value. */
  readonly templated: boolean;
  /** The word sits inside a template conditional (`{% if %}`, `{{ if }}`, `<% if %>`): present only sometimes. */
  readonly conditional: boolean;
  /** Added by the manifest reader: the conditional (or loop) branches around the word, outermost first; empty or absent when
   *  `conditional` is false. Words with the same `open` and a different `branch` are alternatives (`if` vs `else`). */
  readonly branches?: readonly ConditionBranch[];
}

/** One branch of a template conditional: `open` is the offset of its opening tag (`{{ if }}`, `{% if %}`, ...),
 *  `branch` is 0 for the part after it, 1 after the first `else`/`elif`, and so on. */
export interface ConditionBranch {
  readonly open: number;
  readonly branch: number;
}

/** How new arguments are written so that a fix keeps the file's style. */
export interface ArgInsertion {
  /** Edit that adds `words` (already dnsmasq argv words, e.g. `--no-negcache`) where dnsmasq will see them:
   *  after the last dnsmasq argument (after the nanny's `--`), in the list's own indentation, quoting and flow/block style. */
  readonly append: (words: readonly string[]) => TextEdit;
  /** Set when `append` cannot place words without adding an `args:`/`command:` key, which a fix never does: says why. */
  readonly cannotAppend?: string;
  /** Edit that replaces one argument's text in place, quoting it as its siblings are quoted. */
  readonly replace: (arg: ManifestArg, newWord: string) => TextEdit;
  /** Edit that removes one argument (with its list item punctuation/line) cleanly. */
  readonly remove: (arg: ManifestArg) => TextEdit;
}

export interface WorkloadRef {
  readonly kind: string;
  readonly name?: string;
  readonly namespace?: string;
  /** `metadata.annotations` of the workload (and of its pod template), values as strings. */
  readonly annotations: Readonly<Record<string, { readonly value: string; readonly range: Range }>>;
  /** Offsets of the workload's `kind:` value, a stable place to report workload-level findings. */
  readonly kindRange: Range;
}

/** What the other files of a conf fragment's folder say about its upstream servers, as far as the host let us read them. */
export interface ConfFragment {
  /** `none` only when every sibling was read and judged; `unknown` when the folder was not read. */
  readonly servers: 'named' | 'none' | 'unknown';
  readonly siblings: readonly string[];
  /** The domains the siblings route to servers of their own. */
  readonly routed: readonly string[];
  /** Options (long names) the siblings give in every rendering: dnsmasq reads them as if this file had them. */
  readonly options?: readonly string[];
}

/** One dnsmasq invocation found in a manifest. */
export interface DnsmasqInvocation {
  readonly workload: WorkloadRef;
  readonly containerName?: string;
  readonly image?: string;
  /** Offsets of the container's `name:` value (or of the container item when it has no name). */
  readonly containerRange: Range;
  /** How dnsmasq is started: directly, through k8s-dns-dnsmasq-nanny or another wrapper (only what follows `--` is
   *  dnsmasq's), or in `sh -c`. */
  readonly launcher: 'direct' | 'nanny' | 'wrapper' | 'shell';
  /** A wrapper's own flags, before its `--` (a controller's `--dhcp`, `--metrics-addr=:0`). */
  readonly wrapperFlags?: readonly string[];
  /** dnsmasq's argv words in order (command + args as Kubernetes concatenates them, without the program name). */
  readonly args: readonly ManifestArg[];
  readonly insertion: ArgInsertion;
  /** Part of the command or args list is not there to read: a template prints it (`args:` then
   *  `{{ toYaml .Values.args }}`, no dnsmasq word of its own), its items are tab-indented (not YAML), or a shell
   *  expands a word into any number of them (`exec dnsmasq $DNSMASQ_OPTS`, `"$@"`). */
  readonly listNotInView?: 'template' | 'tab-indented' | 'shell-expansion';
  /** Volume mounts that put dnsmasq configuration (/etc/dnsmasq.conf, /etc/dnsmasq.d) in the container. */
  readonly mountedConfig?: readonly MountedConfig[];
  /** For conf text read from a ConfigMap: the source offset where each of its lines starts (dnsmasq counts lines in it). */
  readonly confLineStarts?: readonly number[];
  /** A conf fragment (a file of a conf-dir, or a conf file not named dnsmasq.conf): options in its siblings complete it. */
  readonly fragment?: ConfFragment;
  /** The file came through the tolerant (non-YAML) fallback: ranges are right, structure is best-effort. */
  readonly tolerant: boolean;
  /** A conf file read on its own: whether its dnsmasq runs on a host (with syslog) or in a container cannot be told. */
  readonly hostOrContainerUnknown?: true;
}

export interface MountedConfig {
  readonly mountPath: string;
  /** Offsets of the `mountPath` value. */
  readonly range: Range;
  /** The ConfigMap the mounted volume comes from, when the pod spec says. */
  readonly configMap?: string;
}

/** A `data` value of a ConfigMap that holds dnsmasq conf text (`dnsmasq.conf: |`). */
export interface ConfigMapConf {
  readonly workload: WorkloadRef;
  readonly key: string;
  readonly value: ConfigMapValue;
}

/** A string value in a ConfigMap's `data`, with the range of its characters. */
export interface ConfigMapValue {
  readonly value: string;
  readonly range: Range;
  /** Maps an index in `value` to a source offset (block scalars, escapes). */
  readonly map?: (index: number) => number;
  /** Added by the manifest reader: the value holds a template placeholder (`{{ ToJSON .X }}`), so its JSON cannot be judged. */
  readonly templated?: boolean;
}

/** The kube-dns ConfigMap (`kube-system/kube-dns`). */
export interface KubeDnsConfigMap {
  readonly workload: WorkloadRef;
  readonly upstreamNameservers?: ConfigMapValue;
  readonly stubDomains?: ConfigMapValue;
  readonly federations?: ConfigMapValue;
}

export interface ManifestModel {
  readonly text: string;
  readonly invocations: readonly DnsmasqInvocation[];
  readonly configMaps: readonly KubeDnsConfigMap[];
  /** dnsmasq conf texts held in ConfigMaps (absent for readers that find none). */
  readonly confTexts?: readonly ConfigMapConf[];
  /** YAML/JSON problems that did not stop the reader (reported, never thrown). */
  readonly parseProblems: readonly { readonly message: string; readonly range: Range }[];
}
