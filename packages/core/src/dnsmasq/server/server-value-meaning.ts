import { parseServerValue } from './server.js';
import type { DomainPattern, ServerOptionKind, ServerSpec, ServerTarget } from './server-spec.js';

function domainText(domain: DomainPattern, reverse: boolean): string {
  switch (domain.kind) {
    case 'all':
      return 'every name';
    case 'unqualified':
      return 'unqualified names (no dot)';
    case 'wildcard':
      return `names ending in ${domain.name}`;
    case 'suffix':
      return reverse ? `reverse lookups under ${domain.name} (${domain.text})` : `names under ${domain.name}`;
  }
}

function targetText(target: ServerTarget): string {
  switch (target.kind) {
    case 'local':
      return 'are answered locally (NXDOMAIN unless dnsmasq has the name itself) and never forwarded';
    case 'default-servers':
      return 'go to the default upstream servers (those given without a domain)';
    case 'null-address':
      return 'are answered 0.0.0.0 (A) and :: (AAAA) without asking anyone';
    case 'address':
      return `are answered with ${target.address} (${target.family === 4 ? 'A' : 'AAAA'}) without asking anyone`;
    case 'upstream': {
      const scope = target.scopeId ? ` (interface ${target.scopeId})` : '';
      return `go to ${target.address} port ${target.port}${scope}${sourceText(target.source)}`;
    }
    case 'hostname':
      return `go to ${target.host} port ${target.port}${sourceText(target.source)}; dnsmasq looks ${target.host} up once, at start-up`;
  }
}

function sourceText(source: { address?: string; port?: number; interface?: string } | undefined): string {
  if (!source) return '';
  const parts: string[] = [];
  if (source.address) parts.push(`from ${source.address}${source.port !== undefined ? ` port ${source.port}` : ''}`);
  else if (source.port !== undefined) parts.push(`from port ${source.port}`);
  if (source.interface) parts.push(`through ${source.interface}`);
  return parts.length ? `, sent ${parts.join(' ')}` : '';
}

function listText(items: string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** What a --server/--local/--address/--rev-server value routes where, in one sentence. */
export function describeServerSpec(spec: ServerSpec): string {
  const reverse = spec.option === 'rev-server';
  const subject =
    spec.domains.length === 0
      ? 'names that no --server domain matches'
      : listText(spec.domains.map((domain) => domainText(domain, reverse)));
  return `${subject.charAt(0).toUpperCase()}${subject.slice(1)} ${targetText(spec.target)}.`;
}

const SERVER_OPTIONS: ReadonlySet<string> = new Set<ServerOptionKind>(['server', 'local', 'address', 'rev-server']);

/**
 * What the value of a --server-family option routes where, or why dnsmasq refuses it; undefined for other options
 * (whose values option-value-meaning.ts describes).
 */
export function describeServerValue(long: string, value: string): string | undefined {
  if (!SERVER_OPTIONS.has(long)) return undefined;
  const result = parseServerValue(long as ServerOptionKind, value);
  if (result.ok) return describeServerSpec(result.spec);
  return `dnsmasq refuses this value: ${result.error.reason}. ${result.error.explanation}`;
}
