import * as vscode from 'vscode';
import type { ProbeOptions, ProbeTarget } from '@kube-dns-tools/core/probe';
import { SETTINGS_SECTION } from '@kube-dns-tools/language-server/protocol';
import type { ConsentStore } from '../consent/consent-store.js';
import { forwarderSettings } from '../forwarder/local-forwarder.js';
import { probeTargets } from './probe-targets.js';
import type { ProbeResults } from './probe-results.js';
import { probeWithConsent } from './probe-with-consent.js';

const MAX_COUNT = 100;

export interface ProbeContext {
  readonly consent: ConsentStore;
  readonly results: ProbeResults;
  readonly output: vscode.LogOutputChannel;
}

function probeSettings(): { names: string[]; count: number } {
  const config = vscode.workspace.getConfiguration(SETTINGS_SECTION);
  return {
    names: config.get<string[]>('probe.names') ?? ['kubernetes.default.svc.cluster.local'],
    count: Math.min(MAX_COUNT, Math.max(1, config.get<number>('probe.count') ?? 10)),
  };
}

/** Asks `servers` (after consent), with progress that can be cancelled; the results go to the view and lenses. */
export async function runProbe(context: ProbeContext, options: ProbeOptions): Promise<unknown> {
  const { consent, results, output } = context;
  results.begin(options);
  const total = options.servers.length * options.names.length * (options.count ?? 10);
  const report = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'kube-dns Tools: probing upstreams', cancellable: true },
    (progress, token) => {
      const abort = new AbortController();
      token.onCancellationRequested(() => abort.abort());
      return probeWithConsent(consent, {
        ...options,
        signal: abort.signal,
        onAttempt: (server, name, result) => {
          results.attempt(server, name, result);
          progress.report({ increment: 100 / total, message: `${server} ${name}: ${result.outcome}` });
        },
      });
    },
  );
  if (!report) return undefined;
  results.finish(report);
  output.show(true);
  output.info(`probed ${options.servers.map((s) => `${s.address}#${s.port}`).join(', ')}: ${options.names.join(', ')} x${options.count}`);
  for (const upstream of report.upstreams) {
    output.info(`${upstream.server}: ${upstream.verdict}`);
    for (const name of upstream.names) {
      const counts = Object.entries(name.counts).filter(([, n]) => n > 0).map(([k, n]) => `${k} ${n}`).join(', ');
      output.info(`  ${name.name}: ${name.verdict} (${counts}; p50 ${name.latencyMs.p50} ms, p95 ${name.latencyMs.p95} ms)`);
    }
  }
  await vscode.commands.executeCommand('kubeDnsTools.probeResults.focus');
  return report;
}

/** "Probe Upstreams": every server the active manifest's forwarder would send to, names typed by the user. */
export async function probeUpstreams(context: ProbeContext, document: vscode.TextDocument | undefined): Promise<unknown> {
  const manifest = document && { text: document.getText(), filePath: document.uri.scheme === 'file' ? document.uri.fsPath : document.uri.toString() };
  const servers = probeTargets(manifest, forwarderSettings());
  if (servers.size === 0) throw new Error('no upstream to probe: open a manifest with --server, or set kubeDnsTools.forwarder.upstreams');
  const settings = probeSettings();
  const typed = await vscode.window.showInputBox({
    title: 'kube-dns Tools: Probe Upstreams',
    prompt: `Names to ask ${[...servers.keys()].join(', ')} (comma separated)`,
    value: settings.names.join(', '),
  });
  if (typed === undefined) return undefined;
  const names = typed.split(/[\s,]+/).filter(Boolean);
  return runProbe(context, { servers: [...servers.values()], names, count: settings.count, timeoutMs: 1000, intervalMs: 50 });
}

/** The "Probe" code lens: one server, the names of the settings. */
export function probeServers(context: ProbeContext, servers: ProbeTarget[]): Promise<unknown> {
  const settings = probeSettings();
  return runProbe(context, { servers, names: settings.names, count: settings.count, timeoutMs: 1000, intervalMs: 50 });
}
