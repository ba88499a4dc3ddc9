import { parseIPv4Legacy, parseIpStrict, type IpLiteral } from '../ip-literal.js';
import { port16Value } from '../numbers.js';
import type { ServerGrammarError, ServerTarget, SourceBinding } from './server-spec.js';
import { explainNotAnAddress } from './server-explain.js';
import { isPlausibleHostname, resolverWouldBeAsked } from './server-hostname.js';
import { pieceRange, splitFirst, type ValuePiece } from './server-split.js';
import type { Range } from '../../text/source-range.js';

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

const fail = (reason: string, explanation: string, range: Range): { ok: false; error: ServerGrammarError } => ({
  ok: false,
  error: { reason, explanation, range },
});

function badPort(port: ValuePiece, what: string): { ok: false; error: ServerGrammarError } {
  return fail('bad port', `The ${what} port '${port.text}' is not a number from 0 to 65535 (digits only).`, pieceRange(port));
}

/** The pieces of a server written `host[%scope][#port][@source]`, after the checks that need no lookup. */
export interface ServerParts {
  readonly targetRange: Range;
  readonly address: ValuePiece;
  /** Set when the host is an IP literal; `viaLookup` for legacy IPv4 forms that only getaddrinfo reads. */
  readonly literal?: IpLiteral & { readonly viaLookup: boolean };
  readonly port: number;
  readonly portRange?: Range;
  readonly scope?: ValuePiece;
  readonly source?: ValuePiece;
  readonly sourcePort?: number;
  readonly iface?: string;
}

export type PartsResult = { readonly ok: true; readonly parts: ServerParts } | { readonly ok: false; readonly error: ServerGrammarError };

/**
 * One upstream server `host[%scope][#port][@source]` (source: `ifname@addr[#port]`, `addr[#port]` or
 * `ifname`), or `#` for the standard servers. Checks run in dnsmasq's order, so the first error
 * reported is the one dnsmasq would print.
 */
export function parseServerTarget(piece: ValuePiece, option: string, options: ServerGrammarOptions = {}): TargetResult {
  if (piece.text === '#') return { ok: true, target: { kind: 'default-servers' }, targetRange: pieceRange(piece) };
  const parsed = parseServerParts(piece, option);
  return parsed.ok ? bindServerParts(parsed.parts, options) : parsed;
}

/** First stage, dnsmasq's `parse_server`: source port, port, then whether the host can be an address. */
export function parseServerParts(piece: ValuePiece, option: string): PartsResult {
  const targetRange = pieceRange(piece);
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
  const strict = parseIpStrict(address.text);
  const legacy = strict ? undefined : parseIPv4Legacy(address.text);
  const literal = strict ? { ...strict, viaLookup: false } : legacy ? { ...legacy, viaLookup: true } : undefined;
  if (!literal && !isPlausibleHostname(address.text)) {
    const range = address.text === '' ? targetRange : pieceRange(address);
    const error = fail('Name or service not known', explainNotAnAddress(address.text, option), range);
    return resolverWouldBeAsked(address.text) ? withLookup(error) : error;
  }
  const parts: ServerParts = { targetRange, address, literal, port, portRange, scope, source, sourcePort, iface };
  return { ok: true, parts };
}

/**
 * Second stage, dnsmasq's `parse_server_addr`: the IPv6 scope, then the source address or interface.
 * A family mismatch between server and source is an error only for literals dnsmasq read itself;
 * for names and legacy IPv4 forms (both come from getaddrinfo) mismatched pairs are skipped silently.
 */
export function bindServerParts(parts: ServerParts, options: ServerGrammarOptions = {}): TargetResult {
  const bound = bindParts(parts, options);
  return !bound.ok && !parts.literal ? withLookup(bound) : bound;
}

/** Marks an error reached after dnsmasq looked the host up. */
export function withLookup<T extends { ok: false; error: ServerGrammarError }>(result: T): T {
  return { ...result, error: { ...result.error, lookup: true } };
}

function bindParts(parts: ServerParts, options: ServerGrammarOptions): TargetResult {
  const { literal, scope, source, iface, targetRange, portRange, port } = parts;
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
    if (sourceIp && literal && !literal.viaLookup && sourceIp.family !== literal.family) {
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
      ? { address: sourceIp.address, family: sourceIp.family, port: parts.sourcePort, interface: iface }
      : { interface: source.text, port: parts.sourcePort };
  }
  const extra = binding ? { source: stripUndefined(binding) } : {};
  const ranges = { targetRange, ...(portRange ? { portRange } : {}) };
  if (!literal) {
    const scopeId = scope ? { scopeId: scope.text } : {};
    return { ok: true, target: { kind: 'hostname', host: parts.address.text, port, ...scopeId, ...extra }, ...ranges };
  }
  const scopeId = literal.family === 6 && scope ? { scopeId: scope.text } : {};
  const target = { kind: 'upstream' as const, family: literal.family, address: literal.address, port, ...scopeId, ...extra };
  return { ok: true, target, ...ranges };
}

function stripUndefined(binding: SourceBinding): SourceBinding {
  return Object.fromEntries(Object.entries(binding).filter(([, v]) => v !== undefined)) as SourceBinding;
}
