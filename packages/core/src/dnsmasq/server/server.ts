import { parseIPv4Any, parseIpStrict } from '../ip-literal.js';
import { parseRevServerValue } from './rev-server.js';
import { walkDomainList } from './server-domain-walk.js';
import { parseDomain } from './server-domains.js';
import { isPlausibleHostname } from './server-hostname.js';
import type { DomainPattern, ServerOptionKind, ServerParseResult } from './server-spec.js';
import { pieceRange, wholeValue, type ValuePiece } from './server-split.js';
import { parseServerTarget, withLookup, type ServerGrammarOptions, type TargetResult } from './server-target.js';

export type { ServerGrammarOptions } from './server-target.js';

/**
 * dnsmasq 2.90's verdict on one `--server`, `--local`, `--address` or `--rev-server` value:
 * `[/domain/.../]target`. Pure and total: never throws, every range lies inside `value`.
 */
export function parseServerValue(
  option: ServerOptionKind,
  value: string,
  options: ServerGrammarOptions = {},
): ServerParseResult {
  if (option === 'rev-server') return parseRevServerValue(value, options);
  const whole = wholeValue(value);
  const walk = value.startsWith('/') ? walkDomainList(whole, option !== 'address') : { pieces: [], target: whole };
  const target = 'reason' in walk ? targetAfterDomains(whole) : walk.target;
  const parsedTarget = parseTarget(option, target, options);
  if (!parsedTarget.ok) return parsedTarget;
  if ('reason' in walk) return { ok: false, error: walk };
  const { pieces } = walk;
  const domains: DomainPattern[] = [];
  for (const piece of pieces) {
    const domain = parseDomain(piece);
    if ('reason' in domain) {
      const error = { ok: false as const, error: domain };
      return parsedTarget.target.kind === 'hostname' ? withLookup(error) : error;
    }
    domains.push(domain);
  }
  const { target: serverTarget, targetRange, portRange } = parsedTarget;
  const spec = { option, raw: value, domains, target: serverTarget, targetRange, ...(portRange ? { portRange } : {}) };
  return { ok: true, spec };
}

/** The text after the last `/`, with the blanks dnsmasq skips after it. */
function targetAfterDomains(whole: ValuePiece): ValuePiece {
  const cut = whole.text.lastIndexOf('/') + 1;
  let start = cut;
  while (whole.text[start] === ' ') start++;
  return { text: whole.text.slice(start), start: whole.start + start };
}

function parseTarget(option: ServerOptionKind, target: ValuePiece, options: ServerGrammarOptions): TargetResult {
  const targetRange = pieceRange(target);
  if (target.text === '') return { ok: true, target: { kind: 'local' }, targetRange };
  if (option !== 'address') return parseServerTarget(target, `--${option}`, options);
  if (target.text === '#') return { ok: true, target: { kind: 'null-address' }, targetRange };
  const literal = parseIpStrict(target.text);
  if (literal) {
    return { ok: true, target: { kind: 'address', family: literal.family, address: literal.address }, targetRange };
  }
  return {
    ok: false,
    error: { reason: 'Bad address in --address', explanation: explainBadAddress(target.text), range: targetRange },
  };
}

function explainBadAddress(text: string): string {
  const hashed = /^(.*)#/.exec(text);
  if (hashed?.[1] && parseIpStrict(hashed[1])) {
    return `--address answers queries with an address and takes no port: write ${hashed[1]}.`;
  }
  const legacy = parseIPv4Any(text);
  if (legacy) return `--address only takes the plain dotted form: write ${legacy.address}.`;
  if (text.includes('%')) return '--address takes no IPv6 scope (%interface).';
  if (isPlausibleHostname(text)) {
    return `--address needs a literal IP address (or # or nothing); dnsmasq does not resolve '${text}' here.`;
  }
  return `'${text}' is not an IPv4 or IPv6 address.`;
}
