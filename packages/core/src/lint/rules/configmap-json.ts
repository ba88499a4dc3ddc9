import ipaddr from 'ipaddr.js';
import type { ConfigMapValue, KubeDnsConfigMap } from '../../manifest/model.js';
import { parseJson } from '../json-error-offset.js';
import { hasPlaceholder } from '../../manifest/placeholder.js';
import type { Rule, RuleContext } from '../rule.js';

export const configmapJson: Rule = {
  id: 'configmap-json',
  defaultSeverity: 'error',
  summary: 'kube-dns ConfigMap: upstreamNameservers/stubDomains that kube-dns cannot read.',
  check(context) {
    for (const cm of context.model.configMaps) {
      if (cm.upstreamNameservers) checkValue(context, cm, 'upstreamNameservers', cm.upstreamNameservers, upstreamProblem);
      if (cm.stubDomains) checkValue(context, cm, 'stubDomains', cm.stubDomains, stubDomainsProblem);
      if (cm.federations) checkValue(context, cm, 'federations', cm.federations, federationsProblem);
    }
  },
};

function checkValue(
  context: RuleContext,
  cm: KubeDnsConfigMap,
  key: string,
  v: ConfigMapValue,
  shape: (value: unknown) => string | undefined,
): void {
  if (hasPlaceholder(v.value) || v.value.trim() === '') return;
  const at = (index: number): number => (v.map ? v.map(index) : v.range.start + index);
  const parsed = parseJson(v.value);
  if (!parsed.ok) {
    const start = at(Math.min(parsed.offset, v.value.length));
    const end = parsed.offset < v.value.length ? at(parsed.offset + 1) : v.range.end;
    context.report({
      range: start < end ? { start, end } : v.range,
      message: `${key} is not valid JSON, so kube-dns ignores the whole ConfigMap: ${parsed.reason}.`,
      workload: cm.workload,
    });
    return;
  }
  const problem = shape(parsed.value);
  if (problem) context.report({ range: entryRange(v, problem, at) ?? v.range, message: `${key}: ${problem}`, workload: cm.workload });
}

/** The range of the quoted entry a problem names first (`"10.0.0.256" (for ...`), when it appears once in the value. */
function entryRange(v: ConfigMapValue, problem: string, at: (index: number) => number): { start: number; end: number } | undefined {
  const m = /^("(?:[^"\\]|\\.)*")/.exec(problem);
  if (!m) return undefined;
  const i = v.value.indexOf(m[1]!);
  if (i < 0 || v.value.indexOf(m[1]!, i + 1) >= 0) return undefined;
  return { start: at(i), end: at(i + m[1]!.length - 1) + 1 };
}

// The shapes below follow kube-dns's own validation (kubernetes/dns pkg/dns/config/config.go).

function upstreamProblem(value: unknown): string | undefined {
  if (!Array.isArray(value)) return 'must be a JSON array of IP addresses, e.g. ["8.8.8.8"].';
  if (value.length > 3) return `kube-dns takes at most 3 upstream nameservers; ${value.length} are given.`;
  const bad = value.find((s) => typeof s !== 'string' || !isUpstreamNameserver(s));
  return bad === undefined ? undefined : `${JSON.stringify(bad)} is not an IP address (a ":port" from 1 to 65535 may follow).`;
}

function stubDomainsProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return 'must be a JSON object of domain to a list of nameserver IPs, e.g. {"acme.local": ["1.2.3.4"]}.';
  }
  for (const [domain, servers] of Object.entries(value)) {
    if (!isDns1123Subdomain(domain)) return `"${domain}" is not a valid domain name (lower-case letters, digits, "-" and ".").`;
    if (!Array.isArray(servers) || servers.length === 0) return `the value of "${domain}" must be a non-empty list of nameserver IPs.`;
    const bad = servers.find((s) => typeof s !== 'string' || !isStubNameserver(s));
    if (bad !== undefined) return `${JSON.stringify(bad)} (for "${domain}") is neither an IP address (a ":port" may follow) nor a host name.`;
  }
  return undefined;
}

function federationsProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'must be a JSON object of federation name to domain.';
  const bad = Object.entries(value).find(([, d]) => typeof d !== 'string');
  return bad ? `the domain of federation "${bad[0]}" must be a string.` : undefined;
}

/** Go's net.ParseIP: dotted-quad IPv4 or IPv6, no zone. */
function isIp(text: string): boolean {
  return ipaddr.isValid(text) && (ipaddr.IPv4.isValidFourPartDecimal(text) || text.includes(':'));
}

/** Go's net.SplitHostPort for `host:port` and `[v6]:port`. */
function splitHostPort(text: string): { host: string; port: string } | undefined {
  const m = /^(?:\[([^\]]*)\]|([^:[\]]*)):([^:]*)$/.exec(text);
  return m ? { host: m[1] ?? m[2]!, port: m[3]! } : undefined;
}

/** An IP, or an IP with a port from 1 to 65535. */
function isUpstreamNameserver(text: string): boolean {
  if (isIp(text)) return true;
  const split = splitHostPort(text);
  return !!split && isIp(split.host) && /^\d+$/.test(split.port) && Number(split.port) >= 1 && Number(split.port) <= 65535;
}

/** An IP with an optional port from 0 to 65535, or a host name (without a port). */
function isStubNameserver(text: string): boolean {
  const split = splitHostPort(text);
  if (split && split.port !== '' && !(/^\d+$/.test(split.port) && Number(split.port) <= 65535)) return false;
  return isIp(split ? split.host : text) || (isDns1123Subdomain(text) && !looksLikeAddress(text));
}

/** `10.0.0.256`, `10.96.1`: a mistyped IP address, not a host name (no top-level domain is numeric). The nanny passes it
 *  to dnsmasq as a --server, which dnsmasq refuses. */
function looksLikeAddress(text: string): boolean {
  return /^[0-9]+$/.test(text.split('.').pop() ?? '');
}

function isDns1123Subdomain(text: string): boolean {
  return text.length <= 253 && /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/.test(text);
}
