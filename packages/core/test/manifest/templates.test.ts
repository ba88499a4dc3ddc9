import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { holdsPlaceholder } from '../../src/text/placeholders.js';
import { readManifest } from '../../src/manifest/read-manifest.js';
import { isConditional, maskTemplates } from '../../src/manifest/template-mask.js';
import { findTemplateTags } from '../../src/text/template-tags.js';

const deployment = (args: string): string =>
  `kind: Deployment
metadata:
  name: kube-dns
spec:
  template:
    spec:
      containers:
      - name: dnsmasq
        image: {{ .Values.image }}
        args:
${args}`;

function argFlags(text: string, filePath?: string): string[] {
  const model = readManifest(text, filePath === undefined ? {} : { filePath });
  expect(model.invocations).toHaveLength(1);
  return model.invocations[0]!.args.map((a) => `${a.conditional ? 'C' : ''}${a.templated ? 'T' : ''}:${a.text}`);
}

describe('template tags', () => {
  test('roles of Go, Jinja2, ERB and Terraform tags', () => {
    const text = '{{- if .A }}{{ else }}{{ end }}{% for x in y %}{% endfor %}<% if p(1) -%><% end %><%= x %>%{ if a }%{ endif }${v}{# c #}';
    expect(findTemplateTags(text).map((t) => t.role)).toEqual(['open', 'middle', 'close', 'open', 'close', 'open', 'close', 'other', 'open', 'close', 'other', 'other']);
  });

  test('masking keeps the length and every line break', () => {
    const text = 'a: {{ .X }}\r\n{% if y %}\r\nb: "<%= z %>"\n';
    const { masked } = maskTemplates(text);
    expect(masked).toHaveLength(text.length);
    expect(masked).toBe('a: ________\r\n          \r\nb: "________"\n');
  });

  test('an unclosed tag is left alone', () => {
    expect(maskTemplates('a: {{ b\nc: d\n').masked).toBe('a: {{ b\nc: d\n');
  });

  test('conditional ranges nest', () => {
    const text = 'x {{ if a }} y {{ range b }} z {{ end }} w {{ end }} v';
    const mask = maskTemplates(text);
    expect(['x', 'y', 'z', 'w', 'v'].map((c) => isConditional(mask, text.indexOf(c)))).toEqual([false, true, true, true, false]);
  });
});

describe('args in templates', () => {
  test('Go if/else/range lines inside the list: conditional, and the list still reads', () => {
    const text = deployment(`        - -k
        {{- if .Values.negcache }}
        - --no-negcache
        {{- else }}
        - --neg-ttl=60
        {{- end }}
        {{- range .Values.extra }}
        - {{ . }}
        {{- end }}
        - --server=/{{ .Values.domain }}/127.0.0.1#10053
`);
    expect(argFlags(text)).toEqual([':-k', 'C:--no-negcache', 'C:--neg-ttl=60', 'CT:{{ . }}', 'T:--server=/{{ .Values.domain }}/127.0.0.1#10053']);
  });

  test('branches tell `if` from `else` (corpus kube-aws dnsmasq-node-ds: --neg-ttl only in the if-branch)', () => {
    const text = readFileSync(join(__dirname, '../fixtures/corpus/kube-aws@953e56ea/dnsmasq-node-ds.yaml'), 'utf8');
    const [inv] = readManifest(text).invocations;
    const branchOf = (word: string): string =>
      (inv!.args.find((a) => a.text.startsWith(word))?.branches ?? []).map((b) => `${text.slice(b.open, text.indexOf('}}', b.open) + 2)}#${b.branch}`).join(' > ');
    expect(branchOf('-k')).toBe('');
    expect(branchOf('--neg-ttl')).toBe('{{ if .KubeDns.DNSMasq.CoreDNSLocal.Enabled }}#0');
    expect(branchOf('--server=//')).toBe('{{ if .KubeDns.DNSMasq.CoreDNSLocal.Enabled }}#1');
    expect(branchOf('{{.}}')).toBe('{{- if ne (len .KubeDns.NodeLocalResolverOptions) 0 }}#0 > {{- range .KubeDns.NodeLocalResolverOptions }}#0');
  });

  test('Jinja2 at column 0 and a bare printed block line', () => {
    const text = deployment(`        - --cache-size={{ dnsmasq_cache }}
{% if log %}
        - --log-queries
{% endif %}
        {{ extra_args }}
        - --no-resolv
`);
    expect(argFlags(text, 'x.yml.j2')).toEqual(['T:--cache-size={{ dnsmasq_cache }}', 'C:--log-queries', ':--no-resolv']);
  });

  test('ERB and Terraform', () => {
    const text = deployment(`<% if p('dns.negcache') -%>
        - --no-negcache
<% end -%>
        - --server=/<%= domain %>/1.2.3.4
        - --server=/\${cluster_domain}/1.2.3.4
`);
    expect(argFlags(text)).toEqual(['C:--no-negcache', 'T:--server=/<%= domain %>/1.2.3.4', 'T:--server=/${cluster_domain}/1.2.3.4']);
  });

  test('sed placeholders, and bare names only in template files', () => {
    const text = deployment(`        - --server=/__PILLAR__DNS__DOMAIN__/127.0.0.1#10053\n        - --server=/$DNS_DOMAIN/1.2.3.4\n        - --server=/dns_domain/1.2.3.4\n`).replace(
      '{{ .Values.image }}',
      'k8s-dns-dnsmasq-amd64',
    );
    expect(argFlags(text, 'kube-dns.yaml.in')).toEqual(['T:--server=/__PILLAR__DNS__DOMAIN__/127.0.0.1#10053', 'T:--server=/$DNS_DOMAIN/1.2.3.4', 'T:--server=/dns_domain/1.2.3.4']);
    expect(argFlags(text, 'kube-dns.yaml')[2]).toBe(':--server=/dns_domain/1.2.3.4');
  });

  test('placeholder shapes', () => {
    for (const w of ['{{.X}}', '{% x %}', '<%= x %>', '${x}', '__A__B__', '$VAR', '$@', '<imgMasq>']) expect(holdsPlaceholder(`--a=${w}`, false)).toBe(true);
    for (const w of ['--server=/cluster.local/127.0.0.1#10053', '--log-facility=-', '-k', '--address=/a_b/']) expect(holdsPlaceholder(w, false)).toBe(false);
  });
});
