import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { applyEdit, crlf, expectCleanYaml, onlyInvocation, words } from './edit-helpers.js';

const container = (body: string): string =>
  `apiVersion: apps/v1
kind: Deployment
metadata:
  name: kube-dns
spec:
  template:
    spec:
      containers:
      - name: dnsmasq
        image: gcr.io/google_containers/k8s-dns-dnsmasq-nanny-amd64:1.14.10
${body}        ports:
        - containerPort: 53
`;

const NANNY = container(`        args:
        - -v=2
        - -logtostderr
        - --
        - -k
        # the upstream is kube-dns itself
        - --server=/cluster.local/127.0.0.1#10053   # keep
`);

describe('append', () => {
  test('block sequence: a new `- ` line after the last dnsmasq arg, same indentation', () => {
    const edit = onlyInvocation(NANNY).insertion.append(['--no-negcache']);
    const out = applyEdit(NANNY, edit);
    expect(out).toBe(NANNY.replace('#10053   # keep\n', '#10053   # keep\n        - --no-negcache\n'));
    expect(words(out)).toEqual(['-k', '--server=/cluster.local/127.0.0.1#10053', '--no-negcache']);
    expectCleanYaml(out);
  });

  test('CRLF files stay CRLF', () => {
    const text = crlf(NANNY);
    const out = applyEdit(text, onlyInvocation(text).insertion.append(['--no-negcache', '--log-queries']));
    expect(out).toBe(crlf(NANNY.replace('# keep\n', '# keep\n        - --no-negcache\n        - --log-queries\n')));
    expect(out.replace(/\r\n/g, '')).not.toContain('\n');
  });

  test('tabs after the dash and in comments are kept', () => {
    const text = container(`        args:\n        -\t--cache-size=1000\t# tab\n        -\t-k\n`).replace('k8s-dns-dnsmasq-nanny-amd64', 'kube-dnsmasq-amd64');
    const out = applyEdit(text, onlyInvocation(text).insertion.append(['--no-negcache']));
    expect(out).toBe(text.replace('-\t-k\n', '-\t-k\n        -\t--no-negcache\n'));
    expect(words(out)).toEqual(['--cache-size=1000', '-k', '--no-negcache']);
  });

  test('nanny without `--` gets one', () => {
    const text = container(`        args:\n        - -v=2\n        - -logtostderr\n`);
    const out = applyEdit(text, onlyInvocation(text).insertion.append(['--no-negcache']));
    expect(out).toContain('        - -logtostderr\n        - --\n        - --no-negcache\n');
    expect(onlyInvocation(out).launcher).toBe('nanny');
    expect(words(out)).toEqual(['--no-negcache']);
  });

  test('flow sequence stays flow, with the siblings quoting and separator', () => {
    const text = container(`        args: ["-v=2", "--", "-k", "--cache-size=1000"]\n`);
    const out = applyEdit(text, onlyInvocation(text).insertion.append(['--no-negcache']));
    expect(out).toContain(`args: ["-v=2", "--", "-k", "--cache-size=1000", "--no-negcache"]\n`);
    expectCleanYaml(out);
  });

  test('multi-line flow sequence keeps its line layout', () => {
    const text = container(`        args: [\n          '--',\n          '-k'\n        ]\n`);
    const out = applyEdit(text, onlyInvocation(text).insertion.append(['--no-negcache']));
    expect(out).toContain(`args: [\n          '--',\n          '-k',\n          '--no-negcache'\n        ]\n`);
    expect(words(out)).toEqual(['-k', '--no-negcache']);
  });

  test('quoted siblings get quoted words; a word that cannot be plain is quoted anyway', () => {
    const single = container(`        args:\n        - '--'\n        - '-k'\n`);
    expect(applyEdit(single, onlyInvocation(single).insertion.append(['--no-negcache']))).toContain(`- '-k'\n        - '--no-negcache'\n`);
    const plain = container(`        args:\n        - --\n        - -k\n`);
    const out = applyEdit(plain, onlyInvocation(plain).insertion.append(['--server=/x/1.2.3.4 #x', 'true']));
    expect(out).toContain(`- -k\n        - "--server=/x/1.2.3.4 #x"\n        - "true"\n`);
    expect(words(out)).toEqual(['-k', '--server=/x/1.2.3.4 #x', 'true']);
  });

  test('JSON arrays stay valid JSON (corpus kube-dns-rc.json)', () => {
    const file = join(__dirname, '../fixtures/corpus/coreos-kubernetes@84b58b74/kube-dns-rc.json');
    const text = readFileSync(file, 'utf8');
    const out = applyEdit(text, onlyInvocation(text).insertion.append(['--no-negcache', '--log-queries']));
    expect(() => JSON.parse(out)).not.toThrow();
    expect(words(out).slice(-2)).toEqual(['--no-negcache', '--log-queries']);
  });

  test('a flow item on its own line keeps its comment: new items go on lines below, with its trailing comma or without', () => {
    const direct = (body: string) => container(body).replace('k8s-dns-dnsmasq-nanny-amd64', 'kube-dnsmasq-amd64');
    const withComma = direct(`        args: [\n          "-k",\n          "--no-resolv",  # upstream only\n        ]\n`);
    const out = applyEdit(withComma, onlyInvocation(withComma).insertion.append(['--no-negcache', '-q']));
    expect(out).toBe(withComma.replace('# upstream only\n', '# upstream only\n          "--no-negcache",\n          "-q",\n'));
    expectCleanYaml(out);
    const noComma = crlf(direct(`        args: [\n          "-k", # foreground\n          "--no-resolv" # only it\n        ]\n`));
    const out2 = applyEdit(noComma, onlyInvocation(noComma).insertion.append(['--no-negcache', '-q']));
    expect(out2).toBe(noComma.replace('"--no-resolv" # only it\r\n', '"--no-resolv", # only it\r\n          "--no-negcache",\r\n          "-q"\r\n'));
    expect(words(out2)).toEqual(['-k', '--no-resolv', '--no-negcache', '-q']);
  });

  test('direct dnsmasq with the program in a flow command and no args', () => {
    const text = container(`        command: [dnsmasq]\n`).replace('k8s-dns-dnsmasq-nanny-amd64', 'alpine');
    const out = applyEdit(text, onlyInvocation(text).insertion.append(['-k', '--no-negcache']));
    expect(out).toContain('command: [dnsmasq, -k, --no-negcache]\n');
    expect(words(out)).toEqual(['-k', '--no-negcache']);
  });

  test('a dnsmasq container with neither command nor args never gets an `args:` key: that would replace the image CMD', () => {
    const text = container('').replace('k8s-dns-dnsmasq-nanny-amd64', 'kube-dnsmasq-amd64');
    const { insertion } = onlyInvocation(text);
    expect(insertion.cannotAppend).toMatch(/no args.*replace the arguments its image already passes/);
    expect(() => insertion.append(['--no-negcache'])).toThrow(/no args/);
  });

  test('when every dnsmasq arg is conditional, goes right after the nanny `--`', () => {
    const text = container(`        args:\n        - --\n        {{- if .Values.debug }}\n        - --log-queries\n        {{- end }}\n`);
    const out = applyEdit(text, onlyInvocation(text).insertion.append(['--no-negcache']));
    expect(out).toContain('        - --\n        - --no-negcache\n        {{- if .Values.debug }}\n');
  });

  test('goes after the last unconditional arg, never inside a template conditional', () => {
    const text = container(`        args:\n        - --\n        - -k\n{% if debug %}\n        - --log-queries\n{% endif %}\n`);
    const out = applyEdit(text, onlyInvocation(text).insertion.append(['--no-negcache']));
    expect(out).toContain('        - -k\n        - --no-negcache\n{% if debug %}\n');
  });
});

describe('replace and remove', () => {
  test('replace keeps the item quoting; remove takes the whole line', () => {
    const text = container(`        args:\n        - --\n        - "-k"\n        - --cache-size=150 # small\n        - '--log-facility=-'\n`);
    const inv = onlyInvocation(text);
    const [k, cache, facility] = inv.args;
    expect(applyEdit(text, inv.insertion.replace(k!, '--keep-in-foreground'))).toContain(`- "--keep-in-foreground"\n`);
    expect(applyEdit(text, inv.insertion.replace(cache!, '--cache-size=1000'))).toContain(`- --cache-size=1000 # small\n`);
    expect(applyEdit(text, inv.insertion.replace(facility!, "it's"))).toContain(`- 'it''s'\n`);
    const removed = applyEdit(text, inv.insertion.remove(cache!));
    expect(removed).toBe(text.replace('        - --cache-size=150 # small\n', ''));
    expect(words(removed)).toEqual(['-k', '--log-facility=-']);
  });

  test('flow items: remove takes one comma with it, JSON stays JSON', () => {
    const text = `{"kind": "Pod", "metadata": {"name": "d"}, "spec": {"containers": [{"name": "dnsmasq", "image": "dnsmasq",\r\n  "args": ["-k", "--cache-size=1", "-q"]}]}}`;
    const inv = onlyInvocation(text);
    const middle = applyEdit(text, inv.insertion.remove(inv.args[1]!));
    expect(middle).toContain('"args": ["-k", "-q"]');
    const last = applyEdit(text, inv.insertion.remove(inv.args[2]!));
    expect(last).toContain('"args": ["-k", "--cache-size=1"]');
    expect(() => JSON.parse(last)).not.toThrow();
    const replaced = applyEdit(text, inv.insertion.replace(inv.args[1]!, 'a"b'));
    expect(JSON.parse(replaced).spec.containers[0].args).toEqual(['-k', 'a"b', '-q']);
  });

  test('removing from a multi-line flow list keeps the comments in it', () => {
    const text = container(`        args: [\n          "--",\n          "-k",  # foreground\n          "-q"\n        ]\n`);
    const inv = onlyInvocation(text);
    const out = applyEdit(text, inv.insertion.remove(inv.args[0]!));
    expect(out).toContain(`args: [\n          "--",\n          # foreground\n          "-q"\n        ]\n`);
    expect(words(out)).toEqual(['-q']);
  });

  test('an argument from another invocation is refused with a clear error', () => {
    const inv = onlyInvocation(NANNY);
    const stranger = { text: '-x', start: 1, end: 3, templated: false, conditional: false };
    expect(() => inv.insertion.remove(stranger)).toThrow(/not one of this dnsmasq invocation's arguments/);
  });
});
