import * as vscode from 'vscode';
import { probe } from '@kube-dns-tools/core/probe/probe';
import { SETTINGS_SECTION } from '@kube-dns-tools/language-server/protocol';
import { forwarderSettings } from './local-forwarder.js';
import { probeTargets } from './probe-targets.js';

const MAX_COUNT = 100;

/**
 * "Probe Upstreams": asks each loopback upstream of the active manifest (with kubeDnsTools.forwarder.upstreams
 * replacing its default servers) the given names N times, and writes the verdicts. Other servers are listed, never asked.
 */
export async function probeUpstreams(document: vscode.TextDocument | undefined, output: vscode.OutputChannel): Promise<unknown> {
  const settings = forwarderSettings();
  const manifest = document && { text: document.getText(), filePath: document.uri.scheme === 'file' ? document.uri.fsPath : undefined };
  const { targets: servers, skipped } = probeTargets(manifest, settings.upstreams);
  if (servers.size === 0) throw new Error('no loopback upstream to probe: set kubeDnsTools.forwarder.upstreams (e.g. 127.0.0.1#10053)');
  const config = vscode.workspace.getConfiguration(SETTINGS_SECTION);
  const defaults = config.get<string[]>('probe.names') ?? ['kubernetes.default.svc.cluster.local'];
  const typed = await vscode.window.showInputBox({
    title: 'kube-dns Tools: Probe Upstreams',
    prompt: `Names to ask ${[...servers.keys()].join(', ')} (comma separated)`,
    value: defaults.join(', '),
  });
  if (typed === undefined) return undefined;
  const names = typed.split(/[\s,]+/).filter(Boolean);
  const count = Math.min(MAX_COUNT, Math.max(1, config.get<number>('probe.count') ?? 10));
  output.show(true);
  for (const key of skipped) output.appendLine(`not probed: ${key} is not on this machine (loopback only)`);
  output.appendLine(`probing ${[...servers.keys()].join(', ')}: ${names.join(', ')} x${count}`);
  const report = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Probing upstreams' },
    () => probe({ servers: [...servers.values()], names, count, timeoutMs: 1000, intervalMs: 50 }),
  );
  for (const upstream of report.upstreams) {
    output.appendLine(`${upstream.server}: ${upstream.verdict}`);
    for (const name of upstream.names) {
      const counts = Object.entries(name.counts).filter(([, n]) => n > 0).map(([k, n]) => `${k} ${n}`).join(', ');
      output.appendLine(`  ${name.name}: ${name.verdict} (${counts}; p50 ${name.latencyMs.p50} ms, p95 ${name.latencyMs.p95} ms)`);
    }
  }
  return report;
}
