// The upstream servers a manifest's dnsmasq forwards to (`--server`, `--local`, `--rev-server` with an
// address), as probe targets, with notes on what could not be probed.
import { readManifest } from '../manifest/read-manifest.js';
import { parseArgv } from '../dnsmasq/argv/argv.js';
import { toForwarderConfig } from '../dnsmasq/config.js';
import { configUpstreams } from './config-upstreams.js';
import { parseServerValue } from '../dnsmasq/server/server.js';
import type { ServerOptionKind } from '../dnsmasq/server/server-spec.js';
import { formatTarget, type ProbeTarget } from '../probe/probe-target.js';

export interface ManifestUpstreams {
  targets: ProbeTarget[];
  notes: string[];
}

const SERVER_OPTIONS = new Set<string>(['server', 'local', 'rev-server']);

/** Throws an Error naming the file when it holds no dnsmasq or no upstream address. */
export function upstreamsFromManifest(text: string, filePath = 'manifest'): ManifestUpstreams {
  const model = readManifest(text, { filePath });
  if (model.invocations.length === 0) throw new Error(`${filePath}: no dnsmasq container found`);
  const targets = new Map<string, ProbeTarget>();
  const notes: string[] = [];
  for (const inv of model.invocations) {
    const where = `${inv.workload.kind}${inv.workload.name ? `/${inv.workload.name}` : ''}${inv.containerName ? ` container ${inv.containerName}` : ''}`;
    const parsedArgv = parseArgv(inv.args);
    // The servers the forwarder would use (runtime/config-upstreams), in the order the argv names them.
    const used = new Map(configUpstreams(toForwarderConfig(parseArgv(inv.args.filter((arg) => !arg.templated))).config).map((u) => [u.key, u]));
    for (const opt of parsedArgv.options) {
      if (!SERVER_OPTIONS.has(opt.spec.long) || opt.value === undefined) continue;
      const word = inv.args[opt.valueTokenIndex ?? opt.tokenIndex];
      if (word?.templated) {
        notes.push(`${where}: --${opt.spec.long}=${opt.value} holds a template placeholder: not probed`);
        continue;
      }
      const parsed = parseServerValue(opt.spec.long as ServerOptionKind, opt.value);
      if (!parsed.ok) continue; // lint reports it; nothing to probe
      const t = parsed.spec.target;
      if (t.kind === 'upstream') {
        const target: ProbeTarget = { address: t.address, port: t.port, family: t.family };
        if (used.delete(formatTarget(target))) targets.set(formatTarget(target), target);
      } else if (t.kind === 'hostname') {
        notes.push(`${where}: --${opt.spec.long}=${opt.value} names a host, not an address: not probed`);
      }
    }
    for (const [key, u] of used) targets.set(key, { address: u.address, port: u.port, family: u.family });
  }
  if (targets.size === 0) {
    throw new Error(`${filePath}: the dnsmasq arguments name no upstream address (without --server, dnsmasq uses the pod's /etc/resolv.conf, which a manifest does not show); give --server ADDR#PORT`);
  }
  return { targets: [...targets.values()], notes };
}
