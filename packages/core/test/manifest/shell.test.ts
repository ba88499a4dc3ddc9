import { describe, expect, test } from 'vitest';
import { findShellDnsmasq } from '../../src/manifest/shell-dnsmasq.js';
import { shellQuote, shellTokens } from '../../src/manifest/shell-words.js';
import { applyEdit, onlyInvocation, words } from './edit-helpers.js';

const pod = (containerBody: string): string =>
  `apiVersion: v1
kind: Pod
metadata:
  name: dns
spec:
  containers:
  - name: resolver
    image: alpine:3.19
${containerBody}`;

describe('shell words', () => {
  test('quotes, escapes, comments, operators and redirections', () => {
    const script = `A=1 exec /usr/sbin/dnsmasq -k 'a b' "c\\"d" e\\ f 2>&1 >/dev/null # --not-this\necho done`;
    const found = findShellDnsmasq(script)!;
    expect(found.program.word.value).toBe('/usr/sbin/dnsmasq');
    expect(found.args.map((w) => w.word.value)).toEqual(['-k', 'a b', 'c"d', 'e f']);
    const ab = found.args[1]!;
    expect(script.slice(ab.start, ab.end)).toBe(`'a b'`);
    expect(ab.word.offsets.slice(0, 3).map((i) => script[i])).toEqual(['a', ' ', 'b']);
  });

  test('finds dnsmasq after && and ; but not inside other words', () => {
    expect(findShellDnsmasq('mkdir -p /x && dnsmasq --no-daemon')?.args.map((w) => w.word.value)).toEqual(['--no-daemon']);
    expect(findShellDnsmasq('echo dnsmasq; sleep 1')).toBeUndefined();
    expect(findShellDnsmasq('dnsmasq-metrics --probe x')).toBeUndefined();
  });

  test('tokens keep $(...) and ${...} inside their word', () => {
    const tokens = shellTokens('dnsmasq --server=$(cat /ip)#53 --domain=${D:-x}');
    expect(tokens.map((t) => (t.kind === 'word' ? t.word.value : t.text))).toEqual(['dnsmasq', '--server=$(cat /ip)#53', '--domain=${D:-x}']);
  });

  test('template tags stay whole inside their word, blanks, pipes and quotes included', () => {
    const tokens = shellTokens(`dnsmasq --server={{ upstream }}#53 {{ args | join(' ') }} "{{ "x" }}" <%= extra %> a{% if b %}c{% endif %} | tee log`);
    expect(tokens.map((t) => (t.kind === 'word' ? t.word.value : t.text))).toEqual([
      'dnsmasq', '--server={{ upstream }}#53', "{{ args | join(' ') }}", '{{ "x" }}', '<%= extra %>', 'a{% if b %}c{% endif %}', '|', 'tee', 'log',
    ]);
  });

  test('shellQuote quotes only when needed', () => {
    expect(shellQuote('--no-negcache')).toBe('--no-negcache');
    expect(shellQuote("it's here")).toBe(`'it'\\''s here'`);
  });
});

describe('sh -c containers', () => {
  test('double-quoted YAML script: ranges map through both quotings', () => {
    const text = pod(`    command: ["/bin/sh", "-c", "exec dnsmasq -k --server=\\"/local/1.2.3.4\\" --log-facility=- && true"]\n`);
    const inv = onlyInvocation(text);
    expect(inv.launcher).toBe('shell');
    expect(inv.args.map((a) => a.text)).toEqual(['-k', '--server=/local/1.2.3.4', '--log-facility=-']);
    const server = inv.args[1]!;
    expect(server.map).toBeDefined();
    expect(text.slice(server.map!(0), server.map!(8))).toBe('--server');
    expect(text.slice(server.map!(9), server.map!(15))).toBe('/local');
    const out = applyEdit(text, inv.insertion.append(['--no-negcache', "x'y"]));
    expect(out).toContain(`--log-facility=- --no-negcache 'x'\\\\''y' && true"]`);
    expect(words(out)).toEqual(['-k', '--server=/local/1.2.3.4', '--log-facility=-', '--no-negcache', "x'y"]);
  });

  test('block scalar script in args, with the program after `&&`', () => {
    const text = pod(`    command:\n    - sh\n    - -c\n    args:\n    - |\n      mkdir -p /run/dnsmasq &&\n        dnsmasq -k \\\n          --cache-size=1000\n`);
    const inv = onlyInvocation(text);
    expect(inv.args.map((a) => a.text)).toEqual(['-k', '--cache-size=1000']);
    expect(text.slice(inv.args[1]!.start, inv.args[1]!.end)).toBe('--cache-size=1000');
    const out = applyEdit(text, inv.insertion.append(['--no-negcache']));
    expect(out).toContain('          --cache-size=1000 --no-negcache\n');
    const removed = applyEdit(text, inv.insertion.remove(inv.args[0]!));
    expect(words(removed)).toEqual(['--cache-size=1000']);
    const replaced = applyEdit(text, inv.insertion.replace(inv.args[1]!, '--cache-size=a b'));
    expect(words(replaced)).toEqual(['-k', '--cache-size=a b']);
  });

  test('single-quoted YAML script escapes inserted quotes YAML-style', () => {
    const text = pod(`    command: ['sh', '-c', 'dnsmasq -k']\n`);
    const out = applyEdit(text, onlyInvocation(text).insertion.append(["a'b"]));
    // shell: 'a'\''b'  ->  inside a single-quoted YAML scalar every ' doubles.
    expect(out).toContain(`command: ['sh', '-c', 'dnsmasq -k ''a''\\''''b''']`);
    expect(words(out)).toEqual(['-k', "a'b"]);
  });

  test('a script that does not run dnsmasq is not an invocation', () => {
    const text = pod(`    command: ["sh", "-c", "echo dnsmasq is elsewhere"]\n`);
    expect(() => onlyInvocation(text)).toThrow();
  });
});
