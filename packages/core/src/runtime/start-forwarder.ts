// Forwarder start-up, the same for `kube-dns-tools forward`, the extension's forwarder process and the demo:
// parse the argv, check it as dnsmasq would, build the config, report warnings, tune memory, start.
import { toForwarderConfig } from '../dnsmasq/config.js';
import type { ForwarderConfig } from '../dns/forwarder-config.js';
import type { Clock } from '../dns/clock.js';
import { Forwarder, type ForwarderOptions } from '../dns/forwarder.js';
import type { SocketFactory } from '../dns/transport/socket-factory.js';
import { checkedArgv, ForwarderStartError } from './checked-argv.js';
import { tuneForwarderMemory } from './forwarder-memory.js';

export { ForwarderStartError } from './checked-argv.js';

export interface StartForwarderOptions {
  /** `ADDR#PORT`s replacing the default (non-domain) servers. */
  readonly upstreams?: readonly string[];
  /** What a face changes in the config before it runs (listen address, approved servers); may throw. */
  readonly adapt?: (config: ForwarderConfig) => ForwarderConfig;
  /** Each warning of the config, before the forwarder starts. */
  readonly warn?: (warning: string) => void;
  /** Memory settings for a long-running process (default true); off for forwarders inside a test or demo. */
  readonly tuneMemory?: boolean;
  /** Where every socket of the forwarder is opened (default: Node's, with the native binding when built). */
  readonly sockets?: SocketFactory;
  /** The forwarder's time (default: the system's): tests drive cache ages and forward lifetimes with their own. */
  readonly clock?: Clock;
  /** Log sink, batch I/O and the rest of the Forwarder's options (a function gets the config); `sockets` and `clock` above win. */
  readonly forwarder?: ForwarderOptions | ((config: ForwarderConfig) => ForwarderOptions);
}

/** Resolves to the started forwarder; rejects with a ForwarderStartError whose message is one line. */
export async function startForwarder(words: readonly string[], options: StartForwarderOptions = {}): Promise<Forwarder> {
  const parsed = checkedArgv(words);
  try {
    const built = toForwarderConfig(parsed, { upstreams: options.upstreams ? [...options.upstreams] : [] });
    const config = options.adapt ? options.adapt(built.config) : built.config;
    for (const warning of built.warnings) options.warn?.(warning);
    if (options.tuneMemory !== false) tuneForwarderMemory();
    const given = typeof options.forwarder === 'function' ? options.forwarder(config) : options.forwarder;
    const forwarder = new Forwarder(config, {
      ...given,
      ...(options.sockets ? { sockets: options.sockets } : {}),
      ...(options.clock ? { clock: options.clock } : {}),
    });
    await forwarder.start();
    return forwarder;
  } catch (error) {
    if (error instanceof ForwarderStartError) throw error;
    throw new ForwarderStartError(error instanceof Error ? error.message : String(error), 'start');
  }
}
