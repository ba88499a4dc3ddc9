import { durationSeconds, isTemplated, options, plugins } from './corefile-facts.js';
import type { CorefileRule } from './corefile-rule.js';

/** CF006: serve_stale in immediate mode, or with a window over an hour. */
export const unboundedServeStale: CorefileRule = {
  id: 'coredns-unbounded-serve-stale',
  defaultSeverity: 'info',
  summary: '`serve_stale` answers expired entries before refreshing them, or keeps them over an hour.',
  refs: ['CF006'],
  fixable: false,
  check({ corefile, report }) {
    for (const { directive: cache } of plugins(corefile, 'cache')) {
      if (isTemplated(cache)) continue;
      for (const stale of options(cache, 'serve_stale')) {
        const [first, second] = stale.args;
        const windowed = first !== undefined && durationSeconds(first.value) !== undefined;
        const seconds = windowed ? durationSeconds(first!.value)! : 3600;
        const mode = (windowed ? second : first)?.value.toLowerCase() ?? 'immediate';
        const parts: string[] = [];
        if (mode === 'immediate') parts.push('in `immediate` mode (the default) an expired answer, NXDOMAIN and NODATA included, is returned first and only refreshed afterwards, so every client gets one stale answer per name after each change; `verify` (CoreDNS 1.9.2 and later) asks the upstream first');
        if (seconds > 3600) parts.push(`a window of ${first!.value} keeps serving deleted or moved records that long during an outage; keep it at 1h or less`);
        if (parts.length === 0) continue;
        report({ range: stale.name, message: `\`serve_stale\`: ${parts.join('; ')}.` });
      }
    }
  },
};
