import { type Rule, spelledWithValue } from '../rule.js';

export const noUpstream: Rule = {
  id: 'no-upstream',
  defaultSeverity: 'error',
  summary: '--no-resolv (or an empty --resolv-file) and no default --server: every name outside the routed domains is REFUSED.',
  check(context) {
    const configMapUpstreams = context.model.configMaps.some((c) => c.upstreamNameservers !== undefined);
    for (const facts of context.invocations) {
      // Without -R, a --resolv-file that can hold no nameserver (empty, /dev/null) leaves dnsmasq just as bare.
      const emptyResolvFile = facts.options('resolv-file').find((o) => !facts.conditional(o));
      const bare = facts.presence('no-resolv') === 'always' ? facts.options('no-resolv')[0] : facts.resolvFiles()?.length === 0 ? emptyResolvFile : undefined;
      if (!bare || facts.configElsewhere()) continue;
      // Servers can come from elsewhere: over D-Bus/ubus, or from the other files of a conf-dir.
      if (facts.invocation.fragment || facts.presence('enable-dbus') !== 'absent' || facts.presence('enable-ubus') !== 'absent') continue;
      if (facts.options('servers-file').length > 0) continue;
      const serverOptions = [...facts.options('server'), ...facts.options('local')];
      // A templated value that does not start with `/domain/` may render to a default server.
      if (serverOptions.some((o) => facts.valueTemplated(o) && !(o.value ?? '').startsWith('/'))) continue;
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
      if (hasDefault) continue;
      if (facts.invocation.launcher === 'nanny' && configMapUpstreams) continue;
      const why =
        bare.spec.long === 'no-resolv'
          ? `${facts.written(bare.spelled)} stops dnsmasq from reading /etc/resolv.conf`
          : `${facts.written(spelledWithValue(bare))} gives dnsmasq no nameservers from a resolv file`;
      const scope = routed.length ? `every name outside ${[...new Set(routed)].join(', ')}` : 'every name';
      const nanny = facts.invocation.launcher === 'nanny' ? ' (unless the kube-dns ConfigMap gives the nanny upstreamNameservers)' : '';
      context.report({
        range: bare.spec.long === 'no-resolv' ? bare.nameRange : bare.range,
        message: `${why} and no ${facts.written('--server')} without a domain is given, so ${scope} gets REFUSED${nanny}. Add a default server, e.g. --server=<upstream-ip>.`,
        workload: facts.invocation.workload,
      });
    }
  },
};
