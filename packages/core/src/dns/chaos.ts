/** CHAOS-class TXT queries for `*.bind` that dnsmasq answers about itself (version, cache statistics, servers). */
import type { CacheStats } from './cache/cache.js';
import type { ServerGroup } from './upstreams.js';

export interface ChaosFacts {
  readonly cacheSize: number;
  readonly stats: CacheStats;
  readonly groups: readonly ServerGroup[];
  readonly serverCounters: ReadonlyMap<string, { queries: number; errors: number }>;
}

/** The TXT strings for a `*.bind` name, or undefined when dnsmasq answers NOTIMP. */
export function chaosTxt(key: string, facts: ChaosFacts): string[] | undefined {
  switch (key) {
    case 'version.bind':
      return ['dnsmasq-2.90'];
    case 'cachesize.bind':
      return [String(facts.cacheSize)];
    case 'insertions.bind':
      return [String(facts.stats.insertions)];
    case 'evictions.bind':
      return [String(facts.stats.evictions)];
    case 'misses.bind':
      return [String(facts.stats.misses)];
    case 'hits.bind':
      return [String(facts.stats.hits)];
    case 'auth.bind':
      return ['0'];
    case 'servers.bind': {
      const out: string[] = [];
      for (const g of facts.groups) {
        for (const s of g.servers) {
          const c = facts.serverCounters.get(s.label) ?? { queries: 0, errors: 0 };
          out.push(`${s.address}#${s.port} ${c.queries} ${c.errors}`);
        }
      }
      return out;
    }
    default:
      return undefined;
  }
}
