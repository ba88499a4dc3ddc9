import { parseIpStrict } from '../ip-literal.js';
import { numericValue } from '../numbers.js';
import { reverseZones } from './rev-server-zones.js';
import type { DomainPattern, ServerParseResult, ServerTarget } from './server-spec.js';
import type { Range } from '../../text/source-range.js';
import { pieceRange, splitFirst, wholeValue } from './server-split.js';
import { bindServerParts, parseServerParts, parseServerTarget, withLookup, type ServerGrammarOptions } from './server-target.js';

/**
 * `--rev-server=network[/prefix][,server]`: routes the reverse zones of the network to the server
 * (or answers them locally without one). A prefix that is missing or not a number means the whole
 * address (/32 or /128); a numeric one must be 1..32 or 1..128. dnsmasq checks the network first,
 * then the server's syntax, then the prefix, then the server's scope and source: so do we.
 */
export function parseRevServerValue(value: string, options: ServerGrammarOptions = {}): ServerParseResult {
  const whole = wholeValue(value);
  const comma = splitFirst(whole, ',');
  const network = comma ? comma.head : whole;
  const slash = splitFirst(network, '/');
  const address = slash ? slash.head : network;
  const prefixText = slash?.tail;
  const written = prefixText === undefined ? undefined : numericValue(prefixText.text);
  const ip = parseIpStrict(address.text);
  if (!ip) {
    const explanation = `'${address.text}' is not an IPv4 or IPv6 network address (dnsmasq wants e.g. 10.0.0.0/8).`;
    return { ok: false, error: { reason: 'try --help', explanation, range: pieceRange(address) } };
  }
  let target: ServerTarget = { kind: 'local' };
  let targetRange: Range = { start: value.length, end: value.length };
  let portRange: Range | undefined;
  const server = comma && comma.tail.text !== '#' ? parseServerParts(comma.tail, '--rev-server') : undefined;
  if (server && !server.ok) return server;
  const max = ip.family === 4 ? 32 : 128;
  const prefix = written ?? max;
  if (prefix < 1 || prefix > max) {
    const v = ip.family === 4 ? 'IPv4' : 'IPv6';
    const range = prefixText ? pieceRange(prefixText) : pieceRange(network);
    const explanation = `The ${v} prefix length must be between 1 and ${max}; '${prefixText?.text ?? ''}' reads as ${prefix}.`;
    const error = { ok: false as const, error: { reason: `bad ${v} prefix length`, explanation, range } };
    return server && !server.parts.literal ? withLookup(error) : error;
  }
  if (comma) {
    const bound = server ? bindServerParts(server.parts, options) : parseServerTarget(comma.tail, '--rev-server', options);
    if (!bound.ok) return bound;
    ({ target, targetRange, portRange } = bound);
  }
  const range = pieceRange(network);
  const domains: DomainPattern[] = reverseZones(ip.family, ip.bytes, prefix).map((name) => ({
    text: network.text,
    name,
    kind: 'suffix',
    range,
  }));
  const spec = { option: 'rev-server' as const, raw: value, domains, target, targetRange, ...(portRange ? { portRange } : {}) };
  return { ok: true, spec };
}

/**
 * dnsmasq 2.90 aborts (`free(): double free detected in tcache 2`, SIGABRT) on a --rev-server whose
 * prefix expands into several zones when its server goes through getaddrinfo: a host name, or an
 * IPv4 address in a legacy form such as `127.00.0.1`. Measured on Debian's 2.90-4~deb12u2.
 */
export function revServerAbortsDnsmasq(value: string): boolean {
  const result = parseRevServerValue(value);
  if (!result.ok || result.spec.domains.length < 2) return false;
  const { target } = result.spec;
  if (target.kind === 'hostname') return true;
  if (target.kind !== 'upstream') return false;
  const comma = splitFirst(wholeValue(value), ',');
  const host = comma?.tail.text.split(/[#@%]/)[0]?.replace(/ +$/, '') ?? '';
  return !parseIpStrict(host);
}
