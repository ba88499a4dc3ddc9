import type { InvocationFacts } from './invocation-facts.js';

/** The servers of an invocation: a default server, and the domains only routed ones serve. */
export interface ServerRoutes {
  readonly hasDefault: boolean;
  readonly routed: readonly string[];
}

export function serverRoutes(facts: InvocationFacts): ServerRoutes {
  const routed: string[] = [];
  let hasDefault = false;
  for (const s of facts.servers()) {
    if (!s.result.ok || s.kind === 'address') continue;
    const { spec } = s.result;
    const t = spec.target.kind;
    // `/#/` matches every name, as no domain at all does.
    const everyName = spec.domains.length === 0 || spec.domains.some((d) => d.kind === 'all');
    if (everyName && s.kind !== 'rev-server' && (t === 'upstream' || t === 'hostname')) hasDefault = true;
    else for (const d of spec.domains) routed.push(s.kind === 'rev-server' ? d.name : d.kind === 'unqualified' ? '(unqualified names)' : d.text);
  }
  return { hasDefault, routed };
}

/** A templated --server/--local that does not start with `/domain/` may render to a default server. */
export function mayRenderDefaultServer(facts: InvocationFacts): boolean {
  return [...facts.options('server'), ...facts.options('local')].some((o) => facts.valueTemplated(o) && !(o.value ?? '').startsWith('/'));
}

/**
 * Whether one file of a conf-dir gives dnsmasq upstream servers for every name: `given` (a default server, a
 * resolv file, a servers-file, D-Bus/ubus, or configuration read from elsewhere), `none`, or `unknown` (templated).
 */
export function upstreamsOf(facts: InvocationFacts): 'given' | 'none' | 'unknown' {
  if (facts.presence('enable-dbus') !== 'absent' || facts.presence('enable-ubus') !== 'absent') return 'given';
  if (facts.options('servers-file').length > 0 || facts.optionsHidden()) return 'given';
  if (facts.options('resolv-file').length > 0) {
    const files = facts.resolvFiles();
    if (files === undefined) return 'unknown';
    if (files.length > 0) return 'given';
  }
  if (mayRenderDefaultServer(facts)) return 'unknown';
  return serverRoutes(facts).hasDefault ? 'given' : 'none';
}
