import { formatVersion, olderThan } from '../../../corefile/coredns-version.js';
import type { CfDirective } from '../../../corefile/model.js';
import { options, plugins } from './corefile-facts.js';
import type { CorefileRule } from './corefile-rule.js';

/** First CoreDNS release of each option (SPEC F). */
const SINCE: Record<string, Record<string, string>> = {
  forward: {
    max_concurrent: '1.6.9', next: '1.11.4', failfast_all_unhealthy_upstreams: '1.12.1', failover: '1.13.0', max_connect_attempts: '1.13.2',
    max_age: '1.14.3', next_on_nodata: '1.14.4', resolver: '1.14.4', read_timeout: '1.14.5', doh_method: '1.14.5', source_address: '1.14.6',
  },
  cache: { serve_stale: '1.6.6', servfail: '1.9.4', disable: '1.9.4', keepttl: '1.10.1', serve_stale_policy: '1.14.7' },
  ready: { monitor: '1.12.2' },
  kubernetes: { multicluster: '1.12.2', startup_timeout: '1.12.3', apiserver_qps: '1.14.0', apiserver_burst: '1.14.0', apiserver_max_inflight: '1.14.0', zonal: '1.14.7' },
};

/** CF015: an option newer than the CoreDNS image that runs the Corefile. */
export const newerOption: CorefileRule = {
  id: 'coredns-option-newer-than-image',
  defaultSeverity: 'error',
  summary: 'An option the deployed CoreDNS version does not know yet (needs the image tag or a setting).',
  refs: ['CF015'],
  fixable: false,
  check({ corefile, version, report }) {
    if (version === undefined) return;
    const flag = (d: CfDirective, since: string): void => {
      if (!olderThan(version, since)) return;
      report({
        range: d.name,
        message: `\`${d.name.value}\` exists from CoreDNS ${since}; the coredns image here is ${formatVersion(version)}, which refuses to start with "unknown property '${d.name.value}'" (or a wrong argument count). Upgrade the image or remove the option.`,
      });
    };
    for (const [plugin, table] of Object.entries(SINCE)) {
      for (const { directive } of plugins(corefile, plugin)) {
        for (const option of options(directive)) {
          const since = table[option.name.value];
          if (since) flag(option, since);
        }
      }
    }
    for (const { directive } of plugins(corefile, 'prometheus')) if (directive.block && directive.block.directives.length > 0) flag(directive, '1.14.3');
  },
};
