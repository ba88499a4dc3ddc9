import type { ForwarderConfig } from '@kube-dns-tools/core/dns';
import { configUpstreams } from '@kube-dns-tools/core/runtime';
import { listed, serverKey } from '../consent/consent-store.js';

/**
 * The manifest's config as the extension runs it: on 127.0.0.1 only, on `port`, sending only to servers the user
 * approved in VS Code (the consent dialog comes before the process starts; this is the process's own check).
 * The resolv file is not read: the servers it names, now or after a change, were never approved.
 */
export function approvedConfig(config: ForwarderConfig, approved: readonly string[], port: number): ForwarderConfig {
  const allowed = new Set(approved.map((server) => serverKey(server)));
  const upstreams = configUpstreams(config);
  if (upstreams.length === 0) throw new Error('no upstream server: the arguments name no --server; set kubeDnsTools.forwarder.upstreams (e.g. 127.0.0.1#10053)');
  const missing = upstreams.filter((server) => !allowed.has(server.key)).map((server) => server.key);
  if (missing.length > 0) {
    throw new Error(
      `the forwarder sends queries only to servers approved in VS Code, and the arguments route queries to ${listed(missing)}; start it with "Run Local Forwarder" to be asked`,
    );
  }
  return { ...config, listen: ['127.0.0.1'], port, log: { ...config.log, facility: '-' }, resolv: undefined };
}
