import { formatTarget, probe, type ProbeOptions, type ProbeReport } from '@kube-dns-tools/core/probe';
import { listed, type ConsentStore } from '../consent/consent-store.js';

/** "Send 20 queries for repo1.maven.org (A) to 10.36.8.40#53 and 10.36.8.41#53 from this machine?" */
export function probeQuestion(options: Pick<ProbeOptions, 'names' | 'count' | 'type'>, servers: readonly string[]): string {
  const count = (options.count ?? 10) * options.names.length;
  const each = servers.length > 1 ? ' each' : '';
  return `Send ${count} queries for ${listed(options.names)} (${(options.type ?? 'A').toUpperCase()}) to ${listed(servers)}${each} from this machine?`;
}

/** Probes only after the user approved every server (once per workspace); undefined when declined. */
export async function probeWithConsent(consent: ConsentStore, options: ProbeOptions): Promise<ProbeReport | undefined> {
  const servers = options.servers.map(formatTarget);
  const allowed = await consent.allow(servers, (pending) => probeQuestion(options, pending), 'Probe');
  return allowed ? probe(options) : undefined;
}
