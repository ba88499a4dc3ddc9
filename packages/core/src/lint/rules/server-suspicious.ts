import type { Fix } from '../finding.js';
import type { InvocationFacts, ServerValue } from '../invocation-facts.js';
import { type Rule, type RuleContext, spelledWithValue } from '../rule.js';
import { replaceValue, replaceWord } from '../fix-builders.js';
import { isLoopback, looksLikeIpv4, looksLikeServerAddress } from '../server-patterns.js';
import type { ServerSpec } from '../../dnsmasq/server/server-spec.js';

interface Suspicion {
  readonly from: number;
  readonly to: number;
  readonly message: string;
  readonly fixes?: readonly Fix[];
}

export const serverSuspicious: Rule = {
  id: 'server-suspicious',
  defaultSeverity: 'warning',
  summary: 'A server value dnsmasq accepts but that almost surely does not do what was meant.',
  check(context) {
    for (const facts of context.invocations) {
      if (facts.servesNoDns()) continue;
      for (const server of facts.servers()) {
        if (!server.result.ok) continue;
        for (const s of suspicions(facts, server, server.result.spec)) report(context, facts, server, s);
      }
    }
  },
};

function report(context: RuleContext, facts: InvocationFacts, server: ServerValue, s: Suspicion): void {
  const range = s.to > s.from ? facts.valueRange(server.option, s.from, s.to) : server.option.range;
  context.report({ range, message: s.message, workload: facts.invocation.workload, fixes: s.fixes ?? [] });
}

function suspicions(facts: InvocationFacts, server: ServerValue, spec: ServerSpec): Suspicion[] {
  const { option, value } = server;
  const written = facts.written(spelledWithValue(option));
  const found: Suspicion[] = [];

  for (const d of spec.domains) {
    if (!/(^|\.)in6\.arpa\.?$/i.test(d.text)) continue;
    const fixed = value.slice(0, d.range.start) + d.text.replace(/in6\.arpa/i, 'ip6.arpa') + value.slice(d.range.end);
    found.push({
      from: d.range.start,
      to: d.range.end,
      message: `${written} routes "${d.text}", a zone that does not exist: IPv6 reverse lookups live under ip6.arpa, so they never reach this server.`,
      fixes: replaceValue(facts, option, fixed, 'Replace in6.arpa with ip6.arpa'),
    });
  }

  const last = spec.domains[spec.domains.length - 1];
  if (spec.target.kind === 'local' && spec.domains.length >= 2 && last && looksLikeServerAddress(last.text) && value.endsWith('/')) {
    found.push({
      from: last.range.start,
      to: value.length,
      message: `The trailing "/" in ${written} turns ${last.text} into one more domain, so the rule has no server: names under ${spec.domains.slice(0, -1).map((d) => d.text).join(', ')} are answered NXDOMAIN locally.`,
      fixes: replaceValue(facts, option, value.slice(0, -1), 'Remove the trailing /'),
    });
  }

  for (let i = 0; i + 1 < spec.domains.length; i++) {
    const net = spec.domains[i]!;
    const bits = spec.domains[i + 1]!;
    if (!looksLikeIpv4(net.text) || !/^\d{1,2}$/.test(bits.text)) continue;
    const t = spec.target;
    const target = value.slice(spec.targetRange.start, spec.targetRange.end);
    const fixes =
      spec.domains.length === 2 && t.kind === 'upstream' && server.kind !== 'address'
        ? replaceWhole(facts, server, `--rev-server=${net.text}/${bits.text},${target}`)
        : [];
    found.push({
      from: net.range.start,
      to: bits.range.end,
      message: `${written} reads "${net.text}/${bits.text}" as two domains, "${net.text}" and "${bits.text}", not as a network. For reverse lookups of ${net.text}/${bits.text} use ${facts.written('--rev-server')}=${net.text}/${bits.text},<server>.`,
      fixes,
    });
  }

  if (value === '' && (server.kind === 'server' || server.kind === 'local')) {
    found.push({
      from: 0,
      to: 0,
      message: `${option.spelled}= with an empty value makes a local-only rule for every name: dnsmasq answers NXDOMAIN for everything that no other server covers.`,
    });
  }

  const target = spec.target;
  if (target.kind === 'hostname') {
    found.push({
      from: spec.targetRange.start,
      to: spec.targetRange.end,
      message: `${written} names the host "${target.host}": dnsmasq resolves it once at start-up and keeps that address until it restarts; use an IP address.`,
    });
  }
  if (target.kind === 'upstream') {
    if (target.port === 0 && spec.portRange) {
      found.push({
        from: spec.portRange.start - 1,
        to: spec.portRange.end,
        message: `${written} sends to port 0${spec.portRange.end === spec.portRange.start ? ' (an empty "#" means port 0)' : ''}: no DNS server listens there.`,
      });
    }
    // Measured with dnsmasq 2.90: 0.0.0.0 gets no "using nameserver" line; :: does, and Linux delivers to this host.
    if (target.address === '0.0.0.0') {
      found.push({
        from: spec.targetRange.start,
        to: spec.targetRange.end,
        message: `${written} names the unspecified address 0.0.0.0: dnsmasq accepts it and silently never uses it.`,
      });
    } else if (target.address === '::') {
      found.push({
        from: spec.targetRange.start,
        to: spec.targetRange.end,
        message: `${written} names the unspecified address ::, which dnsmasq uses as given: the system delivers those queries to this host itself (as to ::1), port ${target.port}, not to an upstream.`,
      });
    } else if (loopsBack(facts, target.address, target.port)) {
      found.push({
        from: spec.targetRange.start,
        to: spec.targetRange.end,
        message: `${written} points at dnsmasq's own address and port (${target.address}#${target.port}): dnsmasq ignores it as a local interface, or queries loop.`,
      });
    }
  }
  return found;
}

/** Rewrites the whole option word; not offered when the value is a separate word, which would stay behind. */
function replaceWhole(facts: InvocationFacts, server: ServerValue, word: string): Fix[] {
  if (server.option.valueTokenIndex !== undefined) return [];
  return replaceWord(facts, server.option.tokenIndex, word, `Use ${facts.written(word)}`, false);
}

function loopsBack(facts: InvocationFacts, address: string, port: number): boolean {
  // A conf file is one part of dnsmasq's configuration: where dnsmasq listens is decided elsewhere.
  if (facts.isConfFile()) return false;
  const portValue = facts.literalValue('port');
  if (facts.options('port').length > 0 && !portValue) return false;
  const ownPort = portValue ? Number(portValue.value || '0') : 53;
  if (port !== ownPort) return false;
  const listens = facts.options('listen-address');
  if (listens.length === 0) return facts.options('interface').length === 0 && isLoopback(address);
  return listens.some((o) => !facts.valueTemplated(o) && (o.value ?? '').split(',').includes(address));
}
