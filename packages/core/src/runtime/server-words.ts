// Where a manifest names each upstream: the argv word of every `--server`/`--local`/`--rev-server` whose value is an
// address, so an editor can put "Probe" above it.
import { parseArgv } from '../dnsmasq/argv/argv.js';
import { parseServerValue } from '../dnsmasq/server/server.js';
import type { ServerOptionKind } from '../dnsmasq/server/server-spec.js';
import type { DnsmasqInvocation } from '../manifest/model.js';
import type { ProbeTarget } from '../probe/probe-target.js';
import { upstreamKey } from './config-upstreams.js';

export interface ServerWord {
  /** `ADDR#PORT`. */
  readonly key: string;
  readonly target: ProbeTarget;
  /** Offset in the manifest text of the word that names it (the option's word when the value is separate). */
  readonly start: number;
}

const SERVER_OPTIONS = new Set<string>(['server', 'local', 'rev-server']);

/** Templated values and host names are left out: there is no address to ask. */
export function serverWords(invocation: DnsmasqInvocation): ServerWord[] {
  const words: ServerWord[] = [];
  for (const option of parseArgv(invocation.args).options) {
    if (!SERVER_OPTIONS.has(option.spec.long) || option.value === undefined) continue;
    const word = invocation.args[option.valueTokenIndex ?? option.tokenIndex];
    if (!word || word.templated) continue;
    const parsed = parseServerValue(option.spec.long as ServerOptionKind, option.value);
    if (!parsed.ok || parsed.spec.target.kind !== 'upstream') continue;
    const { address, port, family } = parsed.spec.target;
    words.push({ key: upstreamKey({ address, port }), target: { address, port, family }, start: invocation.args[option.tokenIndex]?.start ?? word.start });
  }
  return words;
}
