import fc from 'fast-check';

/** dnsmasq words that draw findings with preferred fixes, alternatives only, or none, and fixes that collide. */
const WORDS = [
  '--cache-size=1000',
  '--cache-size=150',
  '--cache-size=0',
  '--no-resolv',
  '--no-negcache',
  '-N',
  '--log-queries',
  '-q',
  '--log-facility=-',
  '--log-facility=/dev/stdout',
  '--server=/cluster.local/127.0.0.1#10053',
  '--server=/cluster.local/127.0.0.1:10053',
  '--server=127.0.0.1:53',
  '--server=10.36.8.40',
  '--server',
  '--neg-ttl=60',
  '--dns-forward-max=150',
  '--dns-loop-detect',
  '-k',
  '--no-such-option',
  '--cache-size 1000',
  '-r /etc/resolv.conf',
] as const;

const NANNY = ['-v=2', '-logtostderr', '-configDir=/etc/k8s/dns/dnsmasq-nanny', '-restartDnsmasq=true', '--'];

type Style = 'block' | 'flow' | 'nanny-block' | 'nanny-flow' | 'json';

function yamlQuote(word: string, quoted: boolean): string {
  return quoted ? `"${word}"` : word;
}

function manifest(style: Style, words: readonly string[], quoted: boolean, crlf: boolean, finalNewline: boolean): { name: string; text: string } {
  const nanny = style.startsWith('nanny');
  const args = nanny ? [...NANNY, ...words] : words;
  const image = nanny ? 'registry.k8s.io/dns/k8s-dns-dnsmasq-nanny:1.23.0' : 'registry.k8s.io/dns/dnsmasq:2.90';
  let text: string;
  if (style === 'json') {
    const container = { name: 'dnsmasq', image, args };
    text = JSON.stringify({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'dns' }, spec: { containers: [container] } }, null, 2);
  } else {
    const head = ['apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: kube-dns', 'spec:', '  template:', '    spec:', '      containers:', '      - name: dnsmasq', `        image: ${image}`];
    const list = style.endsWith('flow')
      ? [`        args: [${args.map((w) => yamlQuote(w, quoted || w.includes(' '))).join(', ')}]`]
      : ['        args:', ...args.map((w) => `        - ${yamlQuote(w, quoted)}`)];
    text = [...head, ...list, '        ports:', '        - containerPort: 53'].join('\n');
  }
  if (finalNewline) text += '\n';
  if (crlf) text = text.replace(/\n/g, '\r\n');
  return { name: style === 'json' ? 'pod.json' : 'deployment.yaml', text };
}

/** `count` manifests drawn from a fixed seed: the same set on every run. */
export function generatedManifests(count: number): { name: string; text: string }[] {
  const arbitrary = fc.record({
    style: fc.constantFrom<Style>('block', 'flow', 'nanny-block', 'nanny-flow', 'json'),
    words: fc.array(fc.constantFrom(...WORDS), { minLength: 0, maxLength: 9 }),
    quoted: fc.boolean(),
    crlf: fc.boolean(),
    finalNewline: fc.boolean(),
  });
  return fc.sample(arbitrary, { numRuns: count, seed: 13 }).map((m) => manifest(m.style, m.words, m.quoted, m.crlf, m.finalNewline));
}
