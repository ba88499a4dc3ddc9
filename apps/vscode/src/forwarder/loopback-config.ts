import type { ForwarderConfig, UpstreamAddress } from '@kube-dns-tools/core/dns/forwarder-config';

/** 127.0.0.0/8 and ::1 (addresses as core normalises them; IPv4-mapped loopback too). */
export function isLoopback(address: string): boolean {
  const lower = address.toLowerCase();
  if (/^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(lower)) return true;
  if (/^::ffff:127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(lower)) return true;
  return /^(0{0,4}:){2,7}0{0,3}1$/.test(lower) || lower === '::1';
}

/** Every server the config could send a query to. */
export function allUpstreams(config: ForwarderConfig): UpstreamAddress[] {
  const routed = config.routes.flatMap((route) => (route.target.kind === 'servers' ? route.target.servers : []));
  return [...config.defaultServers, ...routed];
}

/**
 * The manifest's config made safe to run on a workstation: it listens on 127.0.0.1 only, on `port`, and is
 * refused when any server it could forward to is not a loopback address (the manifest's cluster upstreams
 * are replaced with `kubeDnsTools.forwarder.upstreams` before this).
 */
export function loopbackConfig(config: ForwarderConfig, port: number): ForwarderConfig {
  const remote = allUpstreams(config).filter((server) => !isLoopback(server.address));
  if (remote.length > 0) {
    const names = [...new Set(remote.map((s) => `${s.address}#${s.port}`))].join(', ');
    throw new Error(
      `the forwarder only talks to this machine, but the manifest routes queries to ${names}; ` +
        'set kubeDnsTools.forwarder.upstreams to loopback servers (e.g. 127.0.0.1#10053) to replace the default ones',
    );
  }
  if (config.defaultServers.length === 0 && config.routes.length === 0) {
    throw new Error('no upstream server: set kubeDnsTools.forwarder.upstreams (e.g. 127.0.0.1#10053)');
  }
  return { ...config, listen: ['127.0.0.1'], port, log: { ...config.log, facility: '-' } };
}
