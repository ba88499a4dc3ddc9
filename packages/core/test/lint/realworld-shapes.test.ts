import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { fixUntilStable } from '../../src/lint/apply-fixes.js';
import { lintText } from '../../src/lint/lint-text.js';

/**
 * Shapes met linting real files from public repositories as a new user would (issue 14's hidden set is of that kind).
 * Each fixture is written for this test in the shape of what was found.
 */
const read = (name: string): string => readFileSync(fileURLToPath(new URL(`../fixtures/realworld/${name}`, import.meta.url)), 'utf8');
const lint = (name: string, text = read(name)) => lintText(text, { filePath: name }).findings;
const ids = (name: string) => lint(name).map((f) => f.ruleId);

describe('dnsmasq that serves no DNS', () => {
  it('--port=0 (a DHCP/TFTP server): no DNS rule speaks', () => {
    expect(ids('dhcp-only-port0.yaml')).toEqual([]);
  });

  it('the same as a conf file with port=0: nothing about the query log or negative caching', () => {
    const conf = 'port=0\ninterface=eth1\ndhcp-range=192.0.2.50,192.0.2.150,12h\nlog-dhcp\nlog-queries\n';
    expect(lint('dnsmasq.conf', conf).map((f) => f.ruleId)).toEqual([]);
    // A bad value is still a refusal, DNS or not.
    expect(lint('dnsmasq.conf', `${conf}server=10.0.0.-1\n`).map((f) => f.ruleId)).toEqual(['server-syntax']);
  });

  it('--test (check the configuration and exit), --help and --version: nothing is served, nothing judged', () => {
    expect(ids('config-test-job.yaml')).toEqual([]);
    for (const flag of ['--test', '--help', '--version']) {
      expect(lint('x.args', `-k --server=10.0.0.1 ${flag}`).map((f) => f.ruleId), flag).toEqual([]);
    }
    expect(lint('x.args', '-k --server=10.0.0.1 --no-resolv').map((f) => f.ruleId)).toContain('no-negcache');
  });

  it('a DHCP server whose port is templated may have DNS off: its DNS settings are not judged', () => {
    expect(ids('dhcp-templated-port.conf.j2')).toEqual([]);
  });

  it('a DNS cache whose port is templated is still judged', () => {
    expect(ids('dns-templated-port.yaml')).toContain('no-negcache');
  });

  it('port=0 only in some renderings of a DHCP server is not judged either; a non-zero port is', () => {
    const conditional = 'dhcp-range=192.0.2.50,192.0.2.150,12h\n{{- if .Values.dhcpOnly }}\nport=0\n{{- end }}\n';
    expect(lint('dnsmasq.conf.tpl', conditional).map((f) => f.ruleId)).not.toContain('no-negcache');
    expect(lint('dnsmasq.conf', 'port=5353\nserver=192.0.2.53\n').map((f) => f.ruleId)).toContain('no-negcache');
  });
});

describe('Helm charts whose template prints dnsmasq arguments', () => {
  it("a list printed whole (by toYaml, as an inline value, after the nanny's own flags): what is missing cannot be judged", () => {
    const findings = lint('helm-args-toyaml.yaml');
    expect(findings.filter((f) => ['no-negcache', 'log-queries', 'resolv-conf', 'no-upstream', 'neg-ttl', 'log-facility'].includes(f.ruleId))).toEqual([]);
    expect(fixUntilStable(read('helm-args-toyaml.yaml'), (t) => lintText(t, { filePath: 'helm-args-toyaml.yaml' }).findings).text).toBe(read('helm-args-toyaml.yaml'));
  });

  it('a list with dnsmasq words of its own is judged: a templated value, a conditional or extra words a template adds hide nothing', () => {
    expect(ids('helm-args-seen.yaml').sort()).toEqual(['log-queries', 'no-negcache']);
    // As the shared corpus judges kube-aws' DaemonSet, whose list ends in a {{ range }} of extra words.
    expect(ids('helm-args-extras.yaml').sort()).toEqual(['log-queries', 'log-queries', 'no-negcache', 'no-negcache']);
  });
});

describe('a template conditional wrapped around one line', () => {
  it('a list item ({{ if }}- --no-negcache{{ end }}) is read as a conditional item, and the items after it are read', () => {
    const name = 'helm-inline-conditional-item.yaml';
    const findings = lint(name);
    expect(findings.map((f) => f.ruleId)).toEqual(['no-negcache']);
    expect(findings[0]!.message).toMatch(/only set inside a template conditional/);
  });

  it('a conf line ({% if %}no-negcache{% endif %}) is read as the option it wraps, conditional', () => {
    const findings = lint('inline-conditional.conf.j2');
    expect(findings.map((f) => f.ruleId)).toEqual(['no-negcache']);
    expect(findings[0]!.message).toMatch(/only set inside a template conditional/);
    // An output tag is a value, not a conditional: the line stays one unreadable word.
    expect(lint('x.conf.j2', 'log-queries\n{{ negcache_line }}\n').map((f) => f.ruleId)).toEqual(['no-negcache']);
  });
});

describe('lists shared through YAML anchors', () => {
  it('a list read through an alias is the anchored one: judged, but not fixed where a flag would change every alias', () => {
    const findings = lint('anchor-shared-args.yaml');
    expect(findings.map((f) => f.ruleId)).toEqual(['log-queries', 'no-negcache', 'resolv-conf', 'log-queries', 'no-negcache']);
    for (const f of findings.filter((x) => x.ruleId !== 'resolv-conf')) {
      expect(f.message).toMatch(/Not fixed automatically: the list is shared through a YAML anchor/);
      expect(f.fixes).toEqual([]);
    }
    // Both containers read the same --server: said once.
    expect(findings.filter((f) => f.ruleId === 'resolv-conf')).toHaveLength(1);
    expect(fixUntilStable(read('anchor-shared-args.yaml'), (t) => lintText(t, { filePath: 'anchor-shared-args.yaml' }).findings).text).toBe(read('anchor-shared-args.yaml'));
  });

  it('Compose services whose command is an alias of an x- list', () => {
    expect(ids('compose-anchor.yml')).toEqual(['resolv-conf']);
  });

  it('a container merging another (<<: *base) without lists of its own is not judged: what it runs is not in view', () => {
    // The first container (the anchor) is judged, not fixed (a flag added there reaches the merging one too); the
    // one that merges it is not read at all.
    const findings = lint('merge-key-container.yaml');
    expect(findings.map((f) => f.ruleId)).toEqual(['log-queries', 'no-negcache']);
    expect(findings.flatMap((f) => f.fixes)).toEqual([]);
  });

  it('an anchored list no alias uses is fixed as any other', () => {
    const fixed = fixUntilStable(read('anchor-unused.yaml'), (t) => lintText(t, { filePath: 'anchor-unused.yaml' }).findings).text;
    expect(fixed).toBe(read('anchor-unused.yaml').replace('    - --no-resolv\n', '    - --no-resolv\n    - --log-queries\n    - --log-facility=-\n    - --no-negcache\n'));
  });
});

describe('an image that does not say it runs dnsmasq', () => {
  it("a chart's image from values, or a registry's own image: args plainly dnsmasq's (two options only it has) are judged", () => {
    expect(ids('helm-chart-image-from-values.yaml')).toEqual(['log-queries', 'no-negcache']);
    const name = 'custom-image-dnsmasq-args.yaml';
    const text = read(name);
    // Only the cache container: envoy's flags and an app's --server/--port/--user are not dnsmasq's.
    expect(lint(name).map((f) => text.slice(f.span.start, f.span.end))).toEqual(['cache', 'cache']);
    // One option only dnsmasq has is not enough.
    expect(lint(name, text.replace(', "--log-facility=-"', ''))).toEqual([]);
  });
});

describe('an init process in front of dnsmasq', () => {
  it('tini and dumb-init, with their own flags and --, start the dnsmasq named after them: judged and fixed in place', () => {
    const name = 'init-process.yaml';
    expect(ids(name)).toEqual(Array.from({ length: 4 }, () => ['log-queries', 'no-negcache']).flat());
    const fixed = fixUntilStable(read(name), (t) => lintText(t, { filePath: name }).findings).text;
    expect(fixed).toBe(read(name).replaceAll('"--no-resolv"]', '"--no-resolv", "--log-queries", "--log-facility=-", "--no-negcache"]'));
    // An init starting something else is not dnsmasq.
    const other = read(name).replaceAll('"dnsmasq"', '"nginx"').replaceAll('/usr/sbin/dnsmasq', '/usr/sbin/nginx');
    expect(lint(name, other)).toEqual([]);
  });
});

describe('a shell that makes dnsmasq words of a variable', () => {
  it('$DNSMASQ_OPTS, "$@" or $EXTRA as a word of their own may be any options: nothing is called missing', () => {
    const name = 'shell-expanded-args.yaml';
    const text = read(name);
    const findings = lint(name);
    // Only g, whose variables sit inside options of their own, is judged.
    expect(findings.map((f) => [text.slice(f.span.start, f.span.end), f.ruleId])).toEqual([
      ['g', 'log-queries'],
      ['g', 'no-negcache'],
    ]);
  });

  it('a template tag in a script is one word, not "{{", "upstream", "}}": a value is a placeholder, a whole tag may be any options', () => {
    // Before, every piece of {{ upstream }} was "junk found in command line".
    expect(lint('shell-template-words.yml.j2')).toEqual([]);
    const judged = read('shell-template-words.yml.j2')
      .replace("{{ dnsmasq_extra_args | join(' ') }}", '--no-resolv --server=10.0.0.1')
      .replace('{{ dnsmasq_flags }}', '--no-resolv');
    const findings = lint('shell-template-words.yml.j2', judged);
    expect(findings.map((f) => f.ruleId)).toEqual(['log-queries', 'no-negcache', 'log-queries', 'no-negcache']);
  });

  it('the same in a Compose string command, which Compose fills in before it splits', () => {
    const compose = 'services:\n  dns:\n    image: andyshinn/dnsmasq\n    command: --server=10.0.0.1 $DNSMASQ_OPTS\n';
    expect(lint('docker-compose.yml', compose)).toEqual([]);
    expect(lint('docker-compose.yml', compose.replace(' $DNSMASQ_OPTS', ' --cache-size=$CACHE')).map((f) => f.ruleId)).toContain('no-negcache');
  });
});

describe('values Kubernetes fills in', () => {
  it('$(NAME) in args is the value of an environment variable: not judged as written', () => {
    const findings = lint('env-var-args.yaml');
    expect(findings.map((f) => f.ruleId)).toEqual(['log-queries', 'no-negcache']);
    // The same words with literal values are judged.
    const literal = read('env-var-args.yaml').replace('$(CACHE)', 'lots').replace('$(POD_IP)', 'localhost');
    expect(lint('env-var-args.yaml', literal).map((f) => f.ruleId).filter((id) => id === 'option-argument')).toHaveLength(2);
  });
});

describe('OpenShift templates', () => {
  it('the objects of a kind: Template are read, ${PARAM} and ${{PARAM}} values as placeholders', () => {
    const findings = lint('openshift-template.yaml');
    expect(findings.map((f) => f.ruleId)).toEqual(['log-queries', 'no-negcache']);
    const fixed = fixUntilStable(read('openshift-template.yaml'), (t) => lintText(t, { filePath: 'openshift-template.yaml' }).findings).text;
    expect(fixed).toBe(read('openshift-template.yaml').replace('- --no-resolv\n', '- --no-resolv\n          - --log-queries\n          - --log-facility=-\n          - --no-negcache\n'));
  });
});

describe('kustomize patches', () => {
  it('a container with no image, command or args changes something else of one defined elsewhere: not judged; one that sets args is', () => {
    const findings = lint('kustomize-patch.yaml');
    const patchLine = read('kustomize-patch.yaml').indexOf('---');
    expect(findings.every((f) => f.span.start > patchLine)).toBe(true);
    expect(findings.map((f) => f.ruleId)).toEqual(['log-queries', 'no-negcache']);
    const fixed = fixUntilStable(read('kustomize-patch.yaml'), (t) => lintText(t, { filePath: 'kustomize-patch.yaml' }).findings).text;
    expect(fixed).toBe(read('kustomize-patch.yaml').replace('#10053\n', '#10053\n        - --log-queries\n        - --no-negcache\n'));
  });
});

describe('a cache of size 0 caches no negative answers', () => {
  it('no-negcache stays silent; cache-size says the cache is off', () => {
    expect(ids('compose-no-cache.yml')).toEqual(['cache-size']);
    const args = ['kind: Pod', 'spec:', '  containers:', '  - name: dnsmasq', '    image: example/dnsmasq:2.90', '    args: ["-k", "-q", "--log-facility=-", "--no-resolv", "--cache-size=0", "-S", "192.0.2.53"]', ''].join('\n');
    expect(lint('pod.yaml', args).map((f) => f.ruleId)).toEqual(['cache-size']);
  });
});

describe('Docker Compose services running dnsmasq', () => {
  const fix = (name: string) => fixUntilStable(read(name), (t) => lintText(t, { filePath: name }).findings);

  it('a string command is split as Compose splits it, and fixed inside the string', () => {
    const findings = lint('compose-string-command.yml');
    expect(findings.map((f) => f.ruleId).sort()).toEqual(['log-queries', 'no-negcache']);
    const fixed = fix('compose-string-command.yml');
    expect(fixed.text).toBe(read('compose-string-command.yml').replace('--log-facility=-\n', '--log-facility=- --log-queries --no-negcache\n'));
    expect(parseAllDocuments(fixed.text).flatMap((d) => d.errors)).toEqual([]);
  });

  it('a command list is the args of the image, in the list style', () => {
    const r = lint('compose-list-command.yml');
    expect(r.map((f) => f.ruleId)).toEqual(['no-negcache']);
    expect(fix('compose-list-command.yml').text).toContain('      - --local=/${LAN_DOMAIN}/\n      - --no-negcache\n');
  });

  it('a mounted /etc/dnsmasq.conf means the command alone cannot be judged; a generator merely named dnsmasq-gen is not dnsmasq', () => {
    const r = lint('compose-mounted-conf.yml');
    expect(r.map((f) => f.ruleId)).toEqual(['delegated-config']);
    expect(r.every((f) => f.severity !== 'error')).toBe(true);
  });

  it('the dnsmasq program named in a string entrypoint, or in the command of a service built here or of another image', () => {
    const name = 'compose-program-in-string.yml';
    const findings = lint(name);
    const services = findings.map((f) => read(name).slice(f.span.start, f.span.end));
    // dns2 has no command at all; dns6's image runs dnsmasq already, so its "dnsmasq" word is not judged; web is not dnsmasq.
    expect([...new Set(services)]).toEqual(['dns', 'dns2', 'dns3', 'dns4', 'dns5']);
    expect(findings.filter((f) => services[findings.indexOf(f)] === 'dns2').map((f) => f.fixes.length)).toEqual([0, 0]);
    expect(findings.find((f) => services[findings.indexOf(f)] === 'dns2')!.message).toMatch(/the service has no command, and adding a command: key/);
    const fixed = fix(name).text;
    expect(parseAllDocuments(fixed).flatMap((d) => d.errors)).toEqual([]);
    expect(fixed).toContain('    command: --server=10.0.0.1 --no-resolv --log-queries --no-negcache\n');
    expect(fixed).toContain('    command: dnsmasq -k --server=10.0.0.1 --no-resolv --log-queries --log-facility=- --no-negcache\n');
    expect(fixed).toContain('"--no-resolv", "--log-queries", "--log-facility=-", "--no-negcache"]\n  dns6:');
    expect(fixed).toContain('    command: dnsmasq -k --server=10.0.0.1\n  web:');
    expect(findings.every((f) => !/every pod/.test(f.message))).toBe(true);
  });

  it('a folded command is read across its lines; one holding template tags is left alone', () => {
    // (its --server without --no-resolv also sends names to the nameservers of /etc/resolv.conf: resolv-conf)
    expect(ids('compose-folded.yml')).toEqual(['no-negcache', 'resolv-conf']);
    const fixed = fix('compose-folded.yml').text;
    expect(parseAllDocuments(fixed).flatMap((d) => d.errors)).toEqual([]);
    expect(fixed).toContain('--server=192.0.2.53 --no-negcache\n');
    expect(ids('compose-folded-template.yml')).toEqual([]);
  });
});

describe('a controller wrapper choosing the mode', () => {
  it('told --dhcp and nothing of DNS, it may turn DNS off itself: no DNS rule speaks', () => {
    expect(ids('controller-dhcp.yaml')).toEqual([]);
  });

  it('told --dns, its dnsmasq argv is judged as any other', () => {
    expect(ids('controller-dns.yaml').sort()).toEqual(['log-queries', 'no-negcache']);
  });
});

describe('conf fragments that hold data for the DNS service, not its set-up', () => {
  it('a DNSSEC trust anchor file, a block list, DHCP hosts: nothing is called missing; a fragment that forwards is judged', () => {
    const anchors = '# The root DNSSEC trust anchor\ntrust-anchor=.,20326,8,2,E06D44B80B8F1D39A95C0B0D7C65D08458E880409BBC683457104237C7F8EC8D\n';
    expect(lint('trust-anchors.conf', anchors)).toEqual([]);
    expect(lint('adblock.conf', 'address=/doubleclick.net/0.0.0.0\naddress=/ads.example/::\nserver=/tracker.example/\n')).toEqual([]);
    expect(lint('dnsmasq.d/hosts.conf', 'dhcp-host=aa:bb:cc:dd:ee:ff,192.0.2.10\ndhcp-range=192.0.2.50,192.0.2.150,12h\n')).toEqual([]);
    expect(lint('dnsmasq.d/corp.conf', 'server=/corp.example/10.0.0.53\n').map((f) => f.ruleId)).toEqual(['log-queries', 'no-negcache']);
    // A refusal is still one in a data fragment.
    expect(lint('adblock.conf', 'address=/doubleclick.net/0.0.0.300\n').map((f) => f.severity)).toEqual(['error']);
  });
});

describe('a conf fragment completed by the other files of its folder', () => {
  const node = 'server=/in-addr.arpa/127.0.0.1\nserver=/{{ cluster_domain }}/127.0.0.1\n';
  const base = 'no-resolv\ndomain-needed\nno-negcache\nenable-dbus\ncache-size=5000\n{% for i in except_interfaces %}\nexcept-interface={{ i }}\n{% endfor %}\n';

  it('an option a sibling gives is given: no no-negcache on the fragment', () => {
    const findings = lintText(node, { filePath: 'templates/node-dnsmasq.conf.j2', confSiblings: [{ name: 'origin-dns.conf.j2', text: base }] }).findings;
    expect(findings.map((f) => f.ruleId)).toEqual(['log-queries']);
  });

  it('without its folder, the fragment is judged on its own words as before', () => {
    expect(lintText(node, { filePath: 'templates/node-dnsmasq.conf.j2' }).findings.map((f) => f.ruleId).sort()).toEqual(['log-queries', 'no-negcache']);
  });

  it('an option only inside a sibling conditional does not count', () => {
    const conditional = '{% if negcache_off %}\nno-negcache\n{% endif %}\nno-resolv\n';
    const findings = lintText(node, { filePath: 'templates/node-dnsmasq.conf.j2', confSiblings: [{ name: 'origin-dns.conf.j2', text: conditional }] }).findings;
    expect(findings.map((f) => f.ruleId)).toContain('no-negcache');
  });
});
