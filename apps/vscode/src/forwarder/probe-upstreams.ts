import * as vscode from 'vscode';
import { parseArgv } from '@kube-dns-tools/core/dnsmasq/argv';
import { toForwarderConfig } from '@kube-dns-tools/core/dnsmasq/config';
import { probe } from '@kube-dns-tools/core/dns/probe';
import { parseTarget, type ProbeTarget } from '@kube-dns-tools/core/dns/probe-target';
import { SETTINGS_SECTION } from '@kube-dns-tools/language-server/protocol';
import { forwarderSettings } from './local-forwarder.js';
import { allUpstreams, isLoopback } from './loopback-config.js';
import { manifestArgv } from './manifest-argv.js';

const MAX_COUNT = 100;

/**
 * "Probe Upstreams": asks each loopback upstream of the active manifest (with kubeDnsTools.forwarder.upstreams
 * replacing its default servers) the given names N times, and writes the verdicts. Other servers are listed, never asked.
 */
export async function probeUpstreams(document: vscode.TextDocument | undefined, output: vscode.OutputChannel): Promise<unknown> {
  const settings = forwarderSettings();
  const servers = new Map<string, ProbeTarget>();
  const skipped: string[] = [];
  if (document) {
    const { words } = manifestArgv(document.getText(), document.uri.scheme === 'file' ? document.uri.fsPath : undefined);
    const { config } = toForwarderConfig(parseArgv(words), { upstreams: settings.upstreams });
    for (const server of allUpstreams(config)) {
      const key = `${server.address}#${server.port}`;
      if (isLoopback(server.address)) servers.set(key, server);
      else skipped.push(key);
    }
  }
  for (const text of settings.upstreams) {
    const target = parseTarget(text);
    if (isLoopback(target.address)) servers.set(`${target.address}#${target.port}`, target);
    else skipped.push(text);
  }
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
