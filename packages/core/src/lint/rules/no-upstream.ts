import { type Rule, spelledWithValue } from '../rule.js';
import { mayRenderDefaultServer, serverRoutes } from '../upstream-sources.js';

export const noUpstream: Rule = {
  id: 'no-upstream',
  defaultSeverity: 'error',
  summary: '--no-resolv (or an empty --resolv-file) and no default --server: every name outside the routed domains is REFUSED.',
  check(context) {
    const configMapUpstreams = context.model.configMaps.some((c) => c.upstreamNameservers !== undefined);
    for (const facts of context.invocations) {
      if (facts.servesNoDns()) continue;
      // Without -R, a --resolv-file that can hold no nameserver (empty, /dev/null) leaves dnsmasq just as bare.
      const emptyResolvFile = facts.options('resolv-file').find((o) => !facts.conditional(o));
      const bare = facts.presence('no-resolv') === 'always' ? facts.options('no-resolv')[0] : facts.resolvFiles()?.length === 0 ? emptyResolvFile : undefined;
      if (!bare || facts.optionsHidden()) continue;
      // Servers can come from elsewhere: over D-Bus/ubus, or from the other files of a conf-dir.
      if (facts.presence('enable-dbus') !== 'absent' || facts.presence('enable-ubus') !== 'absent') continue;
      const { fragment } = facts.invocation;
      if (fragment && fragment.servers !== 'none') continue;
      if (facts.options('servers-file').length > 0) continue;
      if (mayRenderDefaultServer(facts)) continue;
      const { hasDefault, routed } = serverRoutes(facts);
      if (hasDefault) continue;
      if (facts.invocation.launcher === 'nanny' && configMapUpstreams) continue;
      const why =
        bare.spec.long === 'no-resolv'
          ? `${facts.written(bare.spelled)} stops dnsmasq from reading /etc/resolv.conf`
          : `${facts.written(spelledWithValue(bare))} gives dnsmasq no nameservers from a resolv file`;
      const everyRouted = [...routed, ...(fragment?.routed ?? [])];
      const scope = everyRouted.length ? `every name outside ${[...new Set(everyRouted)].join(', ')}` : 'every name';
      const nanny = facts.invocation.launcher === 'nanny' ? ' (unless the kube-dns ConfigMap gives the nanny upstreamNameservers)' : '';
      const folder = fragment ? `; none of the other files of its folder (${fragment.siblings.join(', ')}) gives one either` : '';
      context.report({
        range: bare.spec.long === 'no-resolv' ? bare.nameRange : bare.range,
        message: `${why} and no ${facts.written('--server')} without a domain is given, so ${scope} gets REFUSED${nanny}${folder}. Add a default server, e.g. --server=<upstream-ip>.`,
        workload: facts.invocation.workload,
      });
    }
  },
};
