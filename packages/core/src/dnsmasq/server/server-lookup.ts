import { parseServerValue, type ServerGrammarOptions } from './server.js';
import type { ServerOptionKind } from './server-spec.js';

/**
 * Whether the real dnsmasq, given this value, would ask the system resolver about a host name
 * (accepted host names, and refused values whose verdict comes after a lookup, such as `1.2.3.4.5`).
 * Differential tests use it to keep every DNS query of a `dnsmasq --test` run off the network.
 */
export function serverValueNeedsLookup(option: ServerOptionKind, value: string, options: ServerGrammarOptions = {}): boolean {
  const result = parseServerValue(option, value, options);
  return result.ok ? result.spec.target.kind === 'hostname' : result.error.lookup === true;
}
