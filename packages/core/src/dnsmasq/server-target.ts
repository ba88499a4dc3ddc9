import { parseIPv4Any, parseIpStrict } from './ip-literal.js';
import { port16Value } from './numbers.js';
import type { ServerGrammarError, ServerTarget, SourceBinding } from './server-spec.js';
import { explainNotAnAddress } from './server-explain.js';
import { isPlausibleHostname } from './server-hostname.js';
import { pieceRange, splitFirst, type ValuePiece } from './server-split.js';
import type { Range } from './source-range.js';

export interface ServerGrammarOptions {
  /**
   * Whether a network interface exists, for IPv6 scopes (`fe80::1%eth0`): dnsmasq refuses unknown
   * ones with `bad interface name`. Default: every non-empty name exists (keeps parsing pure).
   */
  readonly interfaceExists?: (name: string) => boolean;
}

export type TargetResult =
  | { readonly ok: true; readonly target: ServerTarget; readonly targetRange: Range; readonly portRange?: Range }
  | { readonly ok: false; readonly error: ServerGrammarError };

const fail = (reason: string, explanation: string, range: Range): TargetResult => ({
  ok: false,
  error: { reason, explanation, range },
});

function badPort(port: ValuePiece, what: string): TargetResult {
  return fail('bad port', `The ${what} port '${port.text}' is not a number from 0 to 65535 (digits only).`, pieceRange(port));
}

/**
 * One upstream server `host[%scope][#port][@source]` (source: `ifname@addr[#port]`, `addr[#port]` or
 * `ifname`), or `#` for the standard servers. Checks run in dnsmasq's order, so the first error
 * reported is the one dnsmasq would print.
 */
export function parseServerTarget(piece: ValuePiece, option: string, options: ServerGrammarOptions = {}): TargetResult {
  const targetRange = pieceRange(piece);
  if (piece.text === '#') return { ok: true, target: { kind: 'default-servers' }, targetRange };
  const atSource = splitFirst(piece, '@');
  let address = atSource ? atSource.head : piece;
  let source = atSource?.tail;
  let sourcePort: number | undefined;
  if (source) {
    const split = splitFirst(source, '#');
    if (split) {
      sourcePort = port16Value(split.tail.text);
      if (sourcePort === undefined) return badPort(split.tail, 'source');
      source = split.head;
    }
  }
  const atPort = splitFirst(address, '#');
  let port = 53;
  let portRange: Range | undefined;
  if (atPort) {
    const value = port16Value(atPort.tail.text);
    if (value === undefined) return badPort(atPort.tail, 'server');
    [port, portRange, address] = [value, pieceRange(atPort.tail), atPort.head];
  }
  const atScope = splitFirst(address, '%');
  const scope = atScope?.tail;
  if (atScope) address = atScope.head;
  let iface: string | undefined;
  if (source) {
    const split = splitFirst(source, '@');
    if (split) [iface, source] = [split.head.text, split.tail];
  }

  const literal = parseIpStrict(address.text) ?? parseIPv4Any(address.text);
  if (!literal && !isPlausibleHostname(address.text)) {
    const range = address.text === '' ? targetRange : pieceRange(address);
    return fail('Name or service not known', explainNotAnAddress(address.text, option), range);
  }
  if (literal?.family === 6 && scope) {
    const exists = options.interfaceExists ?? (() => true);
    if (scope.text === '' || !exists(scope.text)) {
      const range = scope.text === '' ? { start: scope.start - 1, end: scope.start } : pieceRange(scope);
      return fail('bad interface name', `There is no network interface '${scope.text}' for the IPv6 scope.`, range);
    }
  }

  let binding: SourceBinding | undefined;
  if (source) {
    const sourceIp = parseIpStrict(source.text);
    if (sourceIp && literal && sourceIp.family !== literal.family) {
      const [s, a] = literal.family === 4 ? ['IPv4', 'IPv6'] : ['IPv6', 'IPv4'];
      return fail(
        `cannot use ${s} server address with ${a} source address`,
        `The source address '${source.text}' is ${a} but the server is ${s}; both must be of one family.`,
        pieceRange(source),
      );
    }
    if (!sourceIp && iface !== undefined) {
      return fail(
        'interface can only be specified once',
        `'${source.text}' is not an IP address, so dnsmasq takes it as a second interface after '${iface}'.`,
        pieceRange(source),
      );
    }
    binding = sourceIp
      ? { address: sourceIp.address, family: sourceIp.family, port: sourcePort, interface: iface }
      : { interface: source.text, port: sourcePort };
  }

  const extra = { ...(binding ? { source: stripUndefined(binding) } : {}) };
  if (!literal) {
    const scopeId = scope ? { scopeId: scope.text } : {};
    return { ok: true, target: { kind: 'hostname', host: address.text, port, ...scopeId, ...extra }, targetRange, portRange };
  }
  const scopeId = literal.family === 6 && scope ? { scopeId: scope.text } : {};
  return {
    ok: true,
    target: { kind: 'upstream', family: literal.family, address: literal.address, port, ...scopeId, ...extra },
    targetRange,
    portRange,
  };
}

function stripUndefined(binding: SourceBinding): SourceBinding {
  return Object.fromEntries(Object.entries(binding).filter(([, v]) => v !== undefined)) as SourceBinding;
}
