import type { Rule } from '../rule.js';

export const delegatedConfig: Rule = {
  id: 'delegated-config',
  defaultSeverity: 'info',
  summary: 'Options live in a config file or directory (-C, -7): -N and -q cannot be judged from the manifest.',
  check(context) {
    for (const facts of context.invocations) {
      if (facts.servesNoDns()) continue;
      const delegated = facts.delegatedConfig();
      const first = delegated[0];
      const unknown = ['no-negcache', 'log-queries'].filter((long) => facts.presence(long) === 'absent');
      if (unknown.length === 0) continue;
      const mount = facts.invocation.mountedConfig?.[0];
      if (!first && mount) {
        const from = mount.configMap === undefined ? '' : ` from the ConfigMap ${mount.configMap}`;
        context.report({
          range: mount.range,
          message: `dnsmasq reads its options from ${mount.mountPath}, mounted${from}, so whether ${unknown.map((u) => `--${u}`).join(' and ')} ${unknown.length > 1 ? 'are' : 'is'} set cannot be judged from the args. Make sure that configuration has ${unknown.join(' and ')} (a ConfigMap in the same file is linted as conf text).`,
          workload: facts.invocation.workload,
        });
      }
      if (!first) continue;
      // A conf file names its options as it writes them (`conf-dir=/etc/dnsmasq.d`), an argv as it does (`-C FILE`).
      const conf = facts.isConfFile();
      const where = delegated.map((o) => (conf ? `${o.spelled.replace(/^--?/, '')}=${o.value}` : `${o.spelled} ${o.value}`)).join(', ');
      const names = unknown.map((u) => (conf ? u : `--${u}`)).join(' and ');
      const elsewhere = conf ? 'or set it in this file' : 'or pass it on the command line';
      context.report({
        range: first.nameRange,
        message: `dnsmasq also reads its options from ${where}, which ${conf ? 'this file' : 'the manifest'} does not show, so whether ${names} ${unknown.length > 1 ? 'are' : 'is'} set cannot be judged here. Make sure that configuration has ${unknown.join(' and ')}, ${unknown.length > 1 ? elsewhere.replace('it', 'them') : elsewhere}.`,
        workload: facts.invocation.workload,
      });
    }
  },
};
