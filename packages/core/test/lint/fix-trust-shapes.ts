import fc from 'fast-check';

/** Manifests in every style the reader supports, for the --fix property test. */

export type Launcher = 'direct' | 'command' | 'nanny' | 'wrapper' | 'shell';
type ItemStyle = 'plain' | 'single' | 'double';
type ScriptStyle = 'plain' | 'single' | 'double' | 'folded' | 'folded-strip' | 'literal' | 'literal-keep' | 'literal-indent';

export interface Shape {
  readonly json: boolean;
  readonly flow: boolean;
  readonly item: ItemStyle;
  readonly launcher: Launcher;
  readonly script: ScriptStyle;
  readonly args: readonly string[];
  readonly crlf: boolean;
  readonly bom: boolean;
  readonly finalNewline: boolean;
  readonly tabComment: boolean;
  readonly documents: 'one' | 'several' | 'list';
  readonly template: boolean;
}

const DNSMASQ_ARGS = ['-k', '--cache-size=1000', '--server=10.96.0.10', '--server=/cluster.local/127.0.0.1#10053', '--no-resolv', '--neg-ttl=30', '--log-async', '--dns-forward-max=150', '--no-negcache', '--log-queries', '--log-facility=-', '--port=53'];
const NANNY = ['-v=2', '-logtostderr', '-configDir=/etc/k8s/dns/dnsmasq-nanny', '-restartDnsmasq=true', '--'];
const WRAPPER = ['--metrics-addr=:0', '--leader-elect', '--'];

export const shapeArb: fc.Arbitrary<Shape> = fc
  .record({
    json: fc.boolean(),
    flow: fc.boolean(),
    item: fc.constantFrom<ItemStyle>('plain', 'single', 'double'),
    launcher: fc.constantFrom<Launcher>('direct', 'command', 'nanny', 'wrapper', 'shell'),
    script: fc.constantFrom<ScriptStyle>('plain', 'single', 'double', 'folded', 'folded-strip', 'literal', 'literal-keep', 'literal-indent'),
    args: fc.subarray(DNSMASQ_ARGS, { minLength: 1 }),
    crlf: fc.boolean(),
    bom: fc.boolean(),
    finalNewline: fc.boolean(),
    tabComment: fc.boolean(),
    documents: fc.constantFrom<'one' | 'several' | 'list'>('one', 'several', 'list'),
    template: fc.boolean(),
  })
  // JSON has one style; templates are written around block list items.
  .map((s) => (s.json ? { ...s, flow: true, item: 'double' as const, template: false, tabComment: false, documents: 'one' as const } : s))
  .map((s) => (s.flow || s.launcher === 'shell' ? { ...s, template: false } : s));

const quote = (w: string, style: ItemStyle): string => (style === 'single' ? `'${w}'` : style === 'double' ? JSON.stringify(w) : w);

/** The `sh -c` script item, in one YAML scalar style, indented for a block list at `indent`. */
function scriptItem(words: readonly string[], style: ScriptStyle, indent: string): string {
  const line = `exec dnsmasq ${words.join(' ')}`;
  const body = `${indent}  `;
  switch (style) {
    case 'plain':
      return `${indent}- ${line}`;
    case 'single':
      return `${indent}- '${line}'`;
    case 'double':
      return `${indent}- ${JSON.stringify(line)}`;
    case 'folded':
    case 'folded-strip':
      return `${indent}- >${style === 'folded-strip' ? '-' : ''}\n${body}echo starting &&\n${body}exec dnsmasq\n${words.map((w) => `${body}${w}`).join('\n')}`;
    case 'literal':
    case 'literal-keep':
      return `${indent}- |${style === 'literal-keep' ? '+' : ''}\n${body}exec dnsmasq \\\n${words.map((w) => `${body}  ${w}`).join(' \\\n')}`;
    case 'literal-indent':
      return `${indent}- |2-\n${body}  exec dnsmasq \\\n${words.map((w) => `${body}    ${w}`).join(' \\\n')}`;
  }
}

function container(s: Shape): { lines: string[]; dnsmasqArgs: string[] } {
  const args = [...s.args];
  const ind = '        ';
  const lines = [`${ind.slice(2)}- name: dnsmasq`, `${ind}image: registry.k8s.io/dns/k8s-dns-dnsmasq-nanny:1.22.20`.replace('k8s-dns-dnsmasq-nanny', s.launcher === 'nanny' ? 'k8s-dns-dnsmasq-nanny' : s.launcher === 'wrapper' ? 'example/dns-controller' : 'k8s-dns-dnsmasq')];
  const list = (key: string, words: readonly string[], conditional?: number): void => {
    if (s.flow) {
      lines.push(`${ind}${key}: [${words.map((w) => quote(w, s.item === 'plain' ? 'double' : s.item)).join(', ')}]`);
      return;
    }
    lines.push(`${ind}${key}:${s.tabComment ? '\t# the arguments' : ''}`);
    words.forEach((w, i) => {
      if (i === conditional) lines.push('{{- if .Values.extra }}');
      lines.push(`${ind}- ${quote(w, s.item)}`);
      if (i === conditional) lines.push('{{- end }}');
    });
  };
  const last = s.template ? args.length - 1 : undefined;
  switch (s.launcher) {
    case 'direct':
      list('args', args, last);
      break;
    case 'command':
      list('command', ['/usr/sbin/dnsmasq', ...args], last === undefined ? undefined : last + 1);
      break;
    case 'nanny':
      list('args', [...NANNY, ...args], last === undefined ? undefined : last + NANNY.length);
      break;
    case 'wrapper':
      list('args', [...WRAPPER, ...args], last === undefined ? undefined : last + WRAPPER.length);
      break;
    case 'shell':
      if (s.flow) {
        lines.push(`${ind}command: ["sh", "-c", ${JSON.stringify(`exec dnsmasq ${args.join(' ')}`)}]`);
      } else {
        lines.push(`${ind}command:`, `${ind}- sh`, `${ind}- -c`, ...scriptItem(args, s.script, ind).split('\n'));
      }
      break;
  }
  lines.push(`${ind}ports:`, `${ind}- containerPort: 53`);
  return { lines, dnsmasqArgs: args };
}

export function manifest(s: Shape): string {
  if (s.json) {
    const c: Record<string, unknown> = { name: 'dnsmasq', image: 'k8s-dns-dnsmasq:1.0' };
    if (s.launcher === 'shell') c['command'] = ['sh', '-c', `exec dnsmasq ${s.args.join(' ')}`];
    else if (s.launcher === 'command') c['command'] = ['/usr/sbin/dnsmasq', ...s.args];
    else c['args'] = s.launcher === 'nanny' ? [...NANNY, ...s.args] : s.launcher === 'wrapper' ? [...WRAPPER, ...s.args] : [...s.args];
    const doc = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'dns' }, spec: { template: { spec: { containers: [c] } } } };
    return finish(JSON.stringify(doc, null, 2), s);
  }
  const { lines } = container(s);
  const workload = ['apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: dns', 'spec:', '  template:', '    spec:', '      containers:', ...lines];
  let text: string;
  if (s.documents === 'list') {
    text = ['apiVersion: v1', 'kind: List', 'items:', ...workload.map((l) => (l.startsWith('{{') ? l : `  ${l}`)).map((l, i) => (i === 0 ? `- ${l.trimStart()}` : l))].join('\n');
  } else if (s.documents === 'several') {
    text = ['apiVersion: v1', 'kind: Service', 'metadata:', '  name: dns', '---', ...workload, '---', 'apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: other', 'data:', '  a: b'].join('\n');
  } else {
    text = workload.join('\n');
  }
  return finish(text, s);
}

function finish(text: string, s: Shape): string {
  const ended = s.finalNewline ? `${text}\n` : text;
  return s.crlf ? ended.replace(/\n/g, '\r\n') : ended;
}

