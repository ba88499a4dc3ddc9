// Picks the scripted response for a query: the n-th matching query gets the n-th response.
import type { UpstreamResponse, UpstreamScript } from './scenario-format.js';

export function nameMatches(pattern: string | undefined, name: string): boolean {
  if (!pattern || pattern === '*') return true;
  const n = name.toLowerCase().replace(/\.$/, '');
  const p = pattern.toLowerCase().replace(/\.$/, '');
  if (p.startsWith('*.')) return n === p.slice(2) || n.endsWith(p.slice(1));
  return n === p;
}

export class ScriptCursor {
  private readonly seen = new Map<number, number>();

  constructor(readonly script: UpstreamScript) {}

  pick(name: string, type: string, transport: 'udp' | 'tcp'): UpstreamResponse {
    const rules = this.script.rules ?? [];
    for (let i = 0; i < rules.length; i++) {
      const rule = rules[i]!;
      const m = rule.match ?? {};
      if (!nameMatches(m.name, name)) continue;
      if (m.type && m.type !== '*' && m.type.toUpperCase() !== type.toUpperCase()) continue;
      if (m.transport && m.transport !== transport) continue;
      const n = this.seen.get(i) ?? 0;
      this.seen.set(i, n + 1);
      const list = rule.responses ?? [rule.response ?? {}];
      const index = rule.cycle ? n % list.length : Math.min(n, list.length - 1);
      return list[index] ?? {};
    }
    return this.script.default ?? { drop: true };
  }
}

/** Replaces `{qname}` in every string of a response by the name as received. */
export function substituteQname<T>(value: T, qname: string): T {
  if (typeof value === 'string') return value.replaceAll('{qname}', qname) as T;
  if (Array.isArray(value)) return value.map((v) => substituteQname(v, qname)) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = substituteQname(v, qname);
    return out as T;
  }
  return value;
}
