import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../src/lint/apply-fixes.js';
import { lintText } from '../../src/lint/lint-text.js';

/** Corefiles written in the shape of each MISCONFIGS entry (regression tests for the coredns-* rules). */
function lint(corefile: string, options: { filePath?: string; corednsVersion?: string } = {}) {
  return lintText(corefile, { filePath: 'Corefile', ...options }).findings.filter((f) => f.ruleId.startsWith('coredns-'));
}
const ids = (corefile: string, options?: { filePath?: string; corednsVersion?: string }) =>
  lint(corefile, options).map((f) => `${f.ruleId}@${f.span.startPosition.line + 1}`);
function fixed(corefile: string, ruleId: string, options?: { filePath?: string; corednsVersion?: string }): string {
  const finding = lint(corefile, options).find((f) => f.ruleId === ruleId);
  expect(finding, `${ruleId} reported`).toBeDefined();
  const fix = finding!.fixes.find((f) => f.preferred) ?? finding!.fixes[0];
  expect(fix, `${ruleId} has a fix`).toBeDefined();
  return applyEdits(corefile, fix!.edits);
}

const good = `.:53 {
    errors
    health {
        lameduck 5s
    }
    ready
    kubernetes cluster.local in-addr.arpa ip6.arpa {
        pods verified
        fallthrough in-addr.arpa ip6.arpa
    }
    prometheus :9153
    forward . 8.8.8.8 1.1.1.1 {
        max_concurrent 1000
    }
    cache 30
    loop
    reload
}
`;

describe('Corefile rules on hand-written Corefiles', () => {
  it('stays silent on the kubeadm-style default', () => {
    expect(ids(good)).toEqual([]);
  });

  it('CF002: bare cache, cache 600 and long denial TTL/MINTTL', () => {
    expect(ids('.:53 {\n  cache\n  forward . 8.8.8.8 1.1.1.1\n}\n')).toEqual(['coredns-long-denial-cache@2']);
    expect(ids('.:53 {\n  cache 600\n  forward . 8.8.8.8 1.1.1.1\n}\n')).toEqual(['coredns-long-denial-cache@2']);
    expect(ids('.:53 {\n  cache 30\n}\n')).toEqual([]);
    expect(ids('.:53 {\n  cache {\n    denial 9984 3600 60\n  }\n}\n')).toEqual(['coredns-long-denial-cache@3', 'coredns-long-denial-cache@3']);
    expect(ids('.:53 {\n  cache 3600 {\n    disable denial\n  }\n}\n')).toEqual([]);
    expect(ids('.:53 {\n  cache 3600 {\n    denial 9984 5\n  }\n}\n')).toEqual([]);
  });

  it('CF002 fix adds a denial option in the file style (tabs kept)', () => {
    expect(fixed('.:53 {\n\tcache 600\n}\n', 'coredns-long-denial-cache')).toBe('.:53 {\n\tcache 600 {\n\t\tdenial 9984 30\n\t}\n}\n');
    expect(fixed('.:53 {\n    cache {\n        success 9984\n    }\n}\n', 'coredns-long-denial-cache')).toBe(
      '.:53 {\n    cache {\n        success 9984\n        denial 9984 30\n    }\n}\n',
    );
    expect(fixed('.:53 {\n  cache {\n    denial 9984 600\n  }\n}\n', 'coredns-long-denial-cache')).toBe('.:53 {\n  cache {\n    denial 9984 30\n  }\n}\n');
  });

  it('CF002 in a ConfigMap: ranges point into the manifest and the fix keeps the block scalar indentation', () => {
    const manifest = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: coredns\n  namespace: kube-system\ndata:\n  Corefile: |\n    .:53 {\n        cache\n        forward . 8.8.8.8 1.1.1.1\n    }\n';
    const [finding] = lintText(manifest, { filePath: 'coredns.yaml' }).findings.filter((f) => f.ruleId.startsWith('coredns-'));
    expect(finding!.ruleId).toBe('coredns-long-denial-cache');
    expect(finding!.span.startPosition).toEqual({ line: 8, character: 8 });
    const out = applyEdits(manifest, finding!.fixes[0]!.edits);
    expect(out).toContain('        cache {\n            denial 9984 30\n        }\n        forward');
    expect(lintText(out, { filePath: 'coredns.yaml' }).findings.filter((f) => f.ruleId.startsWith('coredns-'))).toEqual([]);
  });

  it('reads a Corefile held in a JSON string and maps ranges back', () => {
    const json = '{"apiVersion":"v1","kind":"ConfigMap","data":{"Corefile":".:53 {\\n    proxy . 8.8.8.8 1.1.1.1\\n}\\n"}}';
    const [finding] = lint(json, { filePath: 'cm.json' });
    expect(finding!.ruleId).toBe('coredns-proxy-plugin');
    expect(json.slice(finding!.span.start, finding!.span.end)).toBe('proxy');
  });

  it('CF003: capacity 0 does not disable, fix uses disable', () => {
    const text = '.:53 {\n  cache 30 {\n    denial 0\n  }\n}\n';
    expect(ids(text)).toEqual(['coredns-zero-capacity-cache@3']);
    expect(fixed(text, 'coredns-zero-capacity-cache')).toBe('.:53 {\n  cache 30 {\n    disable denial\n  }\n}\n');
    expect(lint(text, { corednsVersion: '1.8.0' })[0]!.fixes).toEqual([]);
  });

  it('CF004: cache 30s is a zone; fix writes seconds', () => {
    expect(ids('.:53 {\n  cache 30s\n}\n')).toEqual(['coredns-cache-duration-zone@2']);
    expect(fixed('.:53 {\n  cache 1m\n}\n', 'coredns-cache-duration-zone')).toBe('.:53 {\n  cache 60\n}\n');
    expect(ids('.:53 {\n  cache example.org\n}\n')).toEqual(['coredns-long-denial-cache@2']);
  });

  it('CF005/CF006: serve_stale without servfail 0, immediate mode, long servfail', () => {
    const text = '.:53 {\n  cache 30 {\n    serve_stale 2h\n  }\n}\n';
    expect(ids(text).sort()).toEqual(['coredns-stale-servfail@3', 'coredns-unbounded-serve-stale@3']);
    expect(fixed(text, 'coredns-stale-servfail')).toBe('.:53 {\n  cache 30 {\n    serve_stale 2h\n    servfail 0\n  }\n}\n');
    expect(ids('.:53 {\n  cache 30 {\n    serve_stale 1h verify\n    servfail 0\n  }\n}\n')).toEqual([]);
    expect(ids('.:53 {\n  cache 30 {\n    servfail 5m\n  }\n}\n')).toEqual(['coredns-long-servfail-cache@3']);
  });

  it('CF001: loopback upstream (error), resolv.conf without loop (info), node-local exempt', () => {
    expect(ids('.:53 {\n  forward . 127.0.0.53\n  loop\n}\n')).toEqual(['coredns-forward-loopback@2']);
    expect(ids('.:53 {\n  forward . /etc/resolv.conf\n}\n')).toEqual(['coredns-resolv-conf-without-loop@2']);
    expect(ids('.:53 {\n  forward . /etc/resolv.conf\n  loop\n}\n')).toEqual([]);
    const nodeLocal = 'metadata:\n  name: node-local-dns\ndata:\n  Corefile: |\n    .:53 {\n        forward . 127.0.0.53\n    }\n';
    expect(ids(nodeLocal, { filePath: 'nodelocal.yaml' })).toEqual([]);
  });

  it('CF007: single literal upstream, max_fails 0, health_check 0s (fix removes the line)', () => {
    expect(ids('.:53 {\n  forward . 10.0.0.2\n}\n')).toEqual(['coredns-single-upstream@2']);
    expect(ids('.:53 {\n  forward . {$UPSTREAM}\n}\n')).toEqual(['coredns-env-substitution@2']);
    // The message says what the expansion does where the word stands.
    const messages = lintText('.:{$PORT} {\n  forward . {$UPSTREAM}\n  prometheus {$MY_HOST_IP}:9153\n  cache {$TTL}\n}\n', { filePath: 'Corefile' }).findings.map((f) => f.message);
    expect(messages[0]).toMatch(/^`PORT` .* a value with several words stays one argument, and an unset variable becomes empty\./);
    expect(messages[1]).toMatch(/^`UPSTREAM` .*several addresses stays one argument \(forward then fails/);
    expect(messages[2]).toMatch(/^`MY_HOST_IP` .*`\{\$MY_HOST_IP\}:9153` turns into `:9153`, all interfaces/);
    expect(messages[3]).toMatch(/^`TTL` .* a value with several words stays one argument/);
    const text = '.:53 {\n  forward . 8.8.8.8 1.1.1.1 {\n    max_fails 0\n    health_check 0s\n  }\n}\n';
    expect(ids(text)).toEqual(['coredns-upstream-health-disabled@3', 'coredns-upstream-health-disabled@4']);
    const finding = lint(text).find((f) => f.span.startPosition.line === 3)!;
    expect(applyEdits(text, finding.fixes[0]!.edits)).toBe('.:53 {\n  forward . 8.8.8.8 1.1.1.1 {\n    max_fails 0\n  }\n}\n');
  });

  it('CF008: policy sequential without failover; fix only when the image is 1.13 or later', () => {
    const text = '.:53 {\n  forward . 10.0.0.2 10.0.0.3 {\n    policy sequential\n  }\n}\n';
    expect(ids(text)).toEqual(['coredns-servfail-no-failover@3']);
    expect(lint(text)[0]!.fixes).toEqual([]);
    expect(fixed(text, 'coredns-servfail-no-failover', { corednsVersion: '1.14.2' })).toContain('    policy sequential\n    failover SERVFAIL REFUSED\n');
  });

  it('CF012/CF013/CF014: removed options and plugins, judged against the image version', () => {
    const text = '.:53 {\n  kubernetes cluster.local {\n    upstream\n    resyncperiod 30s\n  }\n  federation cluster.local {\n    prod prod.example.com\n  }\n  proxy . 8.8.8.8 1.1.1.1\n}\n';
    expect(ids(text)).toEqual(['coredns-kubernetes-upstream@3', 'coredns-removed-option@4', 'coredns-removed-option@6', 'coredns-proxy-plugin@9']);
    expect(ids(text, { corednsVersion: '1.4.0' })).toEqual([]);
    expect(ids(text, { corednsVersion: '1.6.0' })).toEqual(['coredns-proxy-plugin@9']);
    expect(fixed(text, 'coredns-kubernetes-upstream')).not.toContain('upstream\n');
    expect(fixed(text, 'coredns-proxy-plugin')).toContain('  forward . 8.8.8.8 1.1.1.1\n');
    const withImage = `${text.replace(/^/gm, '    ').replace(/^ +$/gm, '')}`;
    const manifest = `data:\n  Corefile: |\n${withImage}---\nkind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n      - name: coredns\n        image: registry.k8s.io/coredns/coredns:v1.6.7\n`;
    expect(ids(manifest, { filePath: 'coredns.yaml' })).toEqual(['coredns-proxy-plugin@11']);
  });

  it('CF012/CF013/CF014: with the coredns image templated, no version is assumed: warnings, and no automatic fix', () => {
    // A cloud-config template whose image is filled in at render time (the default there may predate 1.7.0).
    const manifest = [
      'files:',
      '  - path: /srv/manifests/dns.yaml',
      '    content: |',
      '      kind: ConfigMap',
      '      data:',
      '        Corefile: |',
      '          .:53 {',
      '              kubernetes cluster.local {',
      '                  upstream',
      '                  resyncperiod 30s',
      '              }',
      '              proxy . /etc/resolv.conf',
      '          }',
      '      ---',
      '      kind: Deployment',
      '      spec:',
      '        template:',
      '          spec:',
      '            containers:',
      '            - name: coredns',
      '              image: {{ .CoreDnsImage.RepoWithTag }}',
      '',
    ].join('\n');
    const found = lint(manifest, { filePath: 'cloud-config.yaml' }).filter((f) => /removed|upstream|proxy/.test(f.ruleId));
    expect(found.map((f) => `${f.ruleId}@${f.span.startPosition.line + 1}`)).toEqual([
      'coredns-kubernetes-upstream@9',
      'coredns-removed-option@10',
      'coredns-proxy-plugin@12',
    ]);
    for (const f of found) {
      expect(f.severity).toBe('warning');
      expect(f.message).toContain('templated');
      expect(f.fixes.some((x) => x.preferred)).toBe(false);
    }
    // A setting that names the version still decides.
    expect(lint(manifest, { filePath: 'cloud-config.yaml', corednsVersion: '1.11.1' }).find((f) => f.ruleId === 'coredns-kubernetes-upstream')?.severity).toBe('error');
  });

  it('CF015: options newer than the image', () => {
    const text = '.:53 {\n  forward . 8.8.8.8 1.1.1.1 {\n    failover SERVFAIL\n  }\n}\n';
    expect(ids(text)).toEqual([]);
    expect(ids(text, { corednsVersion: '1.11.3' })).toEqual(['coredns-option-newer-than-image@3']);
  });

  it('CF021: dnsmasq ip#port loses the port; fix writes ip:port', () => {
    const text = '.:53 {\n  forward . 10.0.0.10#5353 8.8.8.8\n}\n';
    expect(ids(text)).toEqual(['coredns-hash-in-token@2']);
    expect(fixed(text, 'coredns-hash-in-token')).toBe('.:53 {\n  forward . 10.0.0.10:5353 8.8.8.8\n}\n');
    expect(ids('.:53 {\n  forward . 8.8.8.8 1.1.1.1 # comment\n}\n')).toEqual([]);
  });

  it('CF022: glued brace, one-line block, brace on the next line, stray and missing braces, open quote', () => {
    expect(ids('example.com{\n  whoami\n}\n')).toEqual(['coredns-brace-layout@1']);
    expect(ids('. { whoami }\n')).toEqual(['coredns-brace-layout@1']);
    expect(ids('.:53 {\n  forward . 8.8.8.8 1.1.1.1\n  {\n    max_fails 3\n  }\n}\n')).toEqual(['coredns-brace-layout@3']);
    expect(ids('.:53 {\n  whoami\n}\n}\n')).toEqual(['coredns-brace-layout@4']);
    expect(ids('.:53 {\n  whoami\n')).toEqual(['coredns-brace-layout@1']);
    expect(ids('.:53 {\n  log "{combined}\n}\n')).toEqual(['coredns-brace-layout@1', 'coredns-brace-layout@2']);
    expect(ids('.:53 {\n  forward . 8.8.8.8 1.1.1.1 {\n    max_fails 3 }\n}\n')).toEqual([]);
  });

  it('CF026: address without port; fix adds it', () => {
    expect(ids('.:53 {\n  health 8080\n  ready\n  prometheus 127.0.0.1\n}\n')).toEqual(['coredns-address-without-port@2', 'coredns-address-without-port@4']);
    expect(fixed('.:53 {\n  prometheus 9153\n}\n', 'coredns-address-without-port')).toBe('.:53 {\n  prometheus :9153\n}\n');
    expect(ids('.:53 {\n  health [fd00::1]:8080\n  prometheus :9153\n}\n')).toEqual([]);
  });

  it('CF011, CF024, CF028, CF032', () => {
    expect(ids('.:53 {\n  kubernetes cluster.local {\n    pods insecure\n  }\n}\n')).toEqual(['coredns-pods-insecure@3']);
    expect(ids('.:53 {\n  cache 30\n  cache 30\n}\n')).toEqual(['coredns-duplicate-plugin@3']);
    expect(ids('.:53 {\n  rewrite name suffix .old.local .new.local\n}\n')).toEqual(['coredns-rewrite-without-answer@2']);
    expect(fixed('.:53 {\n  rewrite name suffix .old.local .new.local\n}\n', 'coredns-rewrite-without-answer')).toContain('.new.local answer auto\n');
    expect(ids('.:53 {\n  rewrite name suffix .old.local .new.local answer auto\n}\n')).toEqual([]);
    expect(ids('# nothing here\n')).toEqual(['coredns-empty-corefile@1']);
  });

  it('stays silent on what templates hide', () => {
    const template = 'data:\n  Corefile: |\n    .:53 {\n        cache {{ .Values.cacheTTL }}\n        forward . {{ .Values.upstream }}\n{{ .Values.extra | indent 8 }}\n    }\n';
    expect(ids(template, { filePath: 'cm.yaml' })).toEqual([]);
  });

  it('honours suppression comments written as Corefile comments', () => {
    const text = '.:53 {\n  kubernetes cluster.local {\n    # kube-dns-tools-disable-next-line coredns-pods-insecure -- legacy pod names\n    pods insecure\n  }\n}\n';
    expect(lintText(text, { filePath: 'Corefile' }).findings).toEqual([]);
    const unused = '.:53 {\n  # kube-dns-tools-disable-next-line coredns-pods-insecure -- nothing here\n  cache 30\n}\n';
    expect(lintText(unused, { filePath: 'Corefile' }).findings.map((f) => f.message)).toEqual([expect.stringMatching(/suppression of coredns-pods-insecure suppresses nothing/)]);
  });

  it('CF009, CF010, CF016, CF023, CF025, CF027, CF029', () => {
    const deployment = '---\nkind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n      - name: coredns\n        livenessProbe:\n          httpGet:\n            path: /health\n            port: 8080\n        readinessProbe:\n          httpGet:\n            path: /ready\n            port: 8181\n';
    const cm = (corefile: string) => `kind: ConfigMap\nmetadata:\n  name: coredns\ndata:\n  Corefile: |\n${corefile.replace(/^/gm, '    ')}\n`;
    expect(ids(cm('.:53 {\n    health\n    forward . 8.8.8.8 1.1.1.1\n}') + deployment, { filePath: 'coredns.yaml' })).toEqual(['coredns-missing-probe-plugin@6']);
    expect(ids(cm('.:53 {\n    forward . 8.8.8.8 1.1.1.1\n}'), { filePath: 'coredns.yaml' })).toEqual([]);
    const reverse = '.:53 {\n  kubernetes cluster.local in-addr.arpa ip6.arpa\n}\n';
    expect(ids(reverse)).toEqual(['coredns-reverse-zones-without-fallthrough@2']);
    expect(fixed(reverse, 'coredns-reverse-zones-without-fallthrough')).toBe('.:53 {\n  kubernetes cluster.local in-addr.arpa ip6.arpa {\n    fallthrough in-addr.arpa ip6.arpa\n  }\n}\n');
    const hosts = '.:53 {\n  hosts {\n    10.0.0.1 db.example.org\n  }\n  forward . 8.8.8.8 1.1.1.1\n}\n';
    expect(ids(hosts)).toEqual(['coredns-hosts-without-fallthrough@2']);
    expect(fixed(hosts, 'coredns-hosts-without-fallthrough')).toBe('.:53 {\n  hosts {\n    10.0.0.1 db.example.org\n    fallthrough\n  }\n  forward . 8.8.8.8 1.1.1.1\n}\n');
    expect(ids('.:53 {\n  whoami\n}\n.:53 {\n  whoami\n}\n')).toEqual(['coredns-duplicate-server-block@4']);
    expect(ids('. {\n  whoami\n}\ndns://.:53 {\n  whoami\n}\n.:5353 {\n  whoami\n}\n')).toEqual(['coredns-duplicate-server-block@4']);
    expect(ids('.:53 {\n  bind 10.0.0.1\n  whoami\n}\n.:53 {\n  bind 10.0.0.2\n  whoami\n}\n')).toEqual([]);
    expect(fixed('.:53 {\n  log {combined}\n}\n', 'coredns-log-format-as-name')).toBe('.:53 {\n  log . {combined}\n}\n');
    expect(ids('.:53 {\n  forward . tls://1.1.1.1 tls://1.0.0.1\n}\n')).toEqual(['coredns-forward-tls-without-servername@2']);
    const many = Array.from({ length: 16 }, (_, i) => `10.0.0.${i + 1}`).join(' ');
    expect(ids(`.:53 {\n  forward . ${many}\n}\n`)).toEqual(['coredns-forward-too-many-upstreams@2']);
    expect(ids('.:53 {\n  kubernetes cluster.local\n  autopath @kubernetes\n}\n')).toEqual(['coredns-autopath-without-verified-pods@3']);
  });
});

