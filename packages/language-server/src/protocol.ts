/**
 * Names and shapes that the language server and the VS Code extension both speak.
 * The extension imports this file (through the `source` export condition); keep it free of runtime dependencies.
 */

/** `source` of every diagnostic, and the suffix of our fix-all code action kind. */
export const DIAGNOSTIC_SOURCE = 'kube-dns-tools';

/** `source.fixAll.kube-dns-tools`: what `editor.codeActionsOnSave` asks for. */
export const FIX_ALL_KIND = `source.fixAll.${DIAGNOSTIC_SOURCE}`;

export const SERVER_NAME = 'kube-dns-tools-language-server';

/** The settings section (`kubeDnsTools.*`) the server asks for with `workspace/configuration`. */
export const SETTINGS_SECTION = 'kubeDnsTools';

export type RuleSetting = 'off' | 'error' | 'warning' | 'info' | 'hint';
export const RULE_SETTINGS: readonly RuleSetting[] = ['off', 'error', 'warning', 'info', 'hint'];

/** The `kubeDnsTools` settings section. Every field is optional on the wire; defaults in `settings.ts`. */
export interface KubeDnsToolsSettings {
  /** Lint documents at all. Default true. */
  enable?: boolean;
  /** Per-rule severity, overriding `.kube-dns-tools.yaml` (`kubeDnsTools.rules.<id>`). */
  rules?: Record<string, RuleSetting>;
  /** CoreDNS version Corefiles are judged against when their file has no coredns image tag (`1.11.3`); overrides `.kube-dns-tools.yaml`. */
  corednsVersion?: string;
  /** Quiet time after the last edit before linting, in ms. Default 200. */
  lintDelayMs?: number;
  /** A lint taking longer than this is abandoned (the worker is restarted), in ms. Default 20000. */
  lintTimeoutMs?: number;
}

/** Server -> client after each lint that reached the client (`kubeDnsTools/lintStatus`). */
export const LINT_STATUS_NOTIFICATION = 'kubeDnsTools/lintStatus';
export interface LintStatusParams {
  uri: string;
  version: number;
  /** dnsmasq invocations and kube-dns ConfigMaps found; both 0 means the document was left alone. */
  invocations: number;
  configMaps: number;
  findings: number;
  /** Time spent in the lint engine, ms. */
  durationMs: number;
  /** ISO time when the lint finished. */
  finishedAt: string;
}

/** Client -> server: everything useful for a bug report (`kubeDnsTools/serverInfo`). */
export const SERVER_INFO_REQUEST = 'kubeDnsTools/serverInfo';
export interface ServerInfo {
  name: string;
  version: string;
  node: string;
  pid: number;
  transport: string;
  pullDiagnostics: boolean;
  settings: KubeDnsToolsSettings;
  openDocuments: { uri: string; version: number; invocations: number; findings: number }[];
  lints: number;
  lastLintMs: number | undefined;
  recentErrors: string[];
}

/** Client -> server: the rules the server knows (`kubeDnsTools/rules`), for pickers and settings UIs. */
export const RULES_REQUEST = 'kubeDnsTools/rules';
export interface RuleDescription {
  id: string;
  summary: string;
  docsUrl: string;
}

/** `workspace/executeCommand` ids the server handles itself (so any LSP client can run them). */
export const SERVER_COMMANDS = {
  /** Args: [ruleId, docsUrl]. Asks the client to open the rule's page (`window/showDocument`). */
  showRuleDocs: 'kube-dns-tools.server.showRuleDocs',
} as const;

/** Command ids contributed by the VS Code extension. */
export const CLIENT_COMMANDS = {
  showRuleDocumentation: 'kubeDnsTools.showRuleDocumentation',
  collectDiagnostics: 'kubeDnsTools.collectDiagnostics',
  restartServer: 'kubeDnsTools.restartServer',
  runForwarder: 'kubeDnsTools.runForwarder',
  stopForwarder: 'kubeDnsTools.stopForwarder',
  probeUpstreams: 'kubeDnsTools.probeUpstreams',
} as const;
