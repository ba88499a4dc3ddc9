import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { checkArgv } from '../../src/dnsmasq/check.js';
import { automaticFix } from '../../src/lint/automatic-fixes.js';
import { fixUntilStable } from '../../src/lint/apply-fixes.js';
import type { Finding } from '../../src/lint/finding.js';
import { lintText } from '../../src/lint/lint-text.js';
import { readManifest } from '../../src/manifest/read-manifest.js';

/** One regression test per shape of issue 14, each from a file in `fixtures/trust/` written in that shape. */

const read = (name: string): string => readFileSync(fileURLToPath(new URL(`../fixtures/trust/${name}`, import.meta.url)), 'utf8');

function lint(name: string, text = read(name)) {
  const findings = lintText(text, { filePath: name }).findings;
  return {
    text,
    findings,
    ids: findings.map((f) => f.ruleId),
    errors: findings.filter((f) => f.severity === 'error'),
    at: (f: Finding) => text.slice(f.span.start, f.span.end),
    fix: () => fixUntilStable(text, (t) => lintText(t, { filePath: name }).findings),
  };
}

const yamlErrors = (text: string): string[] => parseAllDocuments(text).flatMap((d) => (Array.isArray(d) ? [] : d.errors.map((e) => e.message)));
const argv = (text: string): string[] => readManifest(text).invocations[0]!.args.map((a) => a.text);

describe('false findings, by shape', () => {
  it('a CONTROLLER-FLAGS -- DNSMASQ-ARGS wrapper of any image: its flags are its own, what follows -- is dnsmasq argv', () => {
    const r = lint('generic-wrapper.yaml');
    expect(r.errors).toEqual([]);
    expect(r.ids).not.toContain('unknown-option');
    expect(r.ids).not.toContain('option-argument');
    expect(argv(r.text)).toEqual(['-k', '--no-negcache', '--log-queries', '--log-facility=-', '--server=10.96.0.10']);
  });

  it('a nanny argv in a raw argument file: lint and check-args agree on the same words', () => {
    const r = lint('nanny-argv.args');
    expect(r.errors).toEqual([]);
    expect(r.ids).toEqual(['log-queries']);
    expect(r.at(r.findings[0]!)).toBe('-k');
    const words = r.text.trim().split(/\s+/);
    expect(checkArgv(words).ok).toBe(true);
    expect(checkArgv(words.slice(words.indexOf('--') + 1)).ok).toBe(true);
  });

  it('a dnsmasq container configured by a mounted ConfigMap: the args cannot be judged, the conf text is linted in place', () => {
    const r = lint('mounted-conf.yaml');
    expect(r.ids).not.toContain('log-queries');
    expect(r.ids).not.toContain('no-negcache');
    const delegated = r.findings.find((f) => f.ruleId === 'delegated-config')!;
    expect(r.at(delegated)).toBe('/etc/dnsmasq.conf');
    expect(delegated.message).toMatch(/mounted from the ConfigMap dnsmasq-conf.*cannot be judged/);
    // `server=10.96.0.-1` in the ConfigMap's dnsmasq.conf: reported on its characters, with the conf's own line number.
    const server = r.findings.find((f) => f.ruleId === 'server-syntax')!;
    expect(r.at(server)).toBe('10.96.0.-1');
    expect(server.message).toMatch(/Name or service not known at line 3/);
    expect(server.fixes).toEqual([]);
  });

  it('a container matched only by its name, running an image that is not dnsmasq, gets nothing', () => {
    expect(lint('name-only.yaml').findings).toEqual([]);
  });

  it('conf fragments: enable-dbus, or a file of a conf-dir, is no no-upstream error', () => {
    expect(lint('dbus-fragment.conf').ids).not.toContain('no-upstream');
    expect(lint('conf-dir/10-base.conf').ids).not.toContain('no-upstream');
    // dnsmasq's own file, with no server anywhere, still gets it.
    expect(lintText('no-resolv\n', { filePath: 'dnsmasq.conf' }).findings.map((f) => f.ruleId)).toContain('no-upstream');
  });
});

describe('fixes that damaged files', () => {
  it('a container without args: the finding stays, not fixable, and says why', () => {
    const r = lint('no-args.yaml');
    expect(r.ids).toEqual(['log-queries', 'no-negcache']);
    for (const f of r.findings) {
      expect(automaticFix(f)).toBeUndefined();
      expect(f.message).toMatch(/Not fixed automatically: the container has no args, and adding an args: key would replace/);
    }
    expect(r.fix().text).toBe(r.text);
  });

  it('folded (>-) and literal (|2+) sh -c scripts get the flags inside the script, with its indentation', () => {
    for (const name of ['folded-script.yaml', 'literal-script.yaml']) {
      const r = lint(name);
      const fixed = r.fix();
      expect(fixed.nonConverging).toEqual([]);
      expect(yamlErrors(fixed.text)).toEqual([]);
      expect(fixed.text).toMatch(/ --server=10\.96\.0\.10 --log-queries --log-facility=-\n/);
      expect(fixed.text).toContain('\n      ports:\n');
      expect(argv(fixed.text)).toEqual([...argv(r.text), '--log-queries', '--log-facility=-']);
      expect(lint(name, fixed.text).fix().text).toBe(fixed.text);
    }
  });

  it('a did-you-mean rewrite to another option is offered, never applied', () => {
    const r = lint('did-you-mean.yaml');
    const typo = r.findings.find((f) => f.ruleId === 'unknown-option')!;
    expect(typo.message).toMatch(/Did you mean --address/);
    expect(typo.fixes.length).toBeGreaterThan(0);
    expect(automaticFix(typo)).toBeUndefined();
    expect(r.fix().text).toBe(r.text);
  });

  it('log-queries is not added automatically when its log-facility sits in a template conditional', () => {
    const r = lint('log-facility-conditional.yaml');
    const queries = r.findings.find((f) => f.ruleId === 'log-queries')!;
    expect(queries.fixes.length).toBeGreaterThan(0);
    expect(automaticFix(queries)).toBeUndefined();
    expect(r.fix().text).toBe(r.text);
  });

  it('a flag is never added inside a template conditional', () => {
    const r = lint('template-conditional.yaml');
    const fixed = r.fix().text;
    const conditional = /\{\{- if [^}]*\}\}\n[\s\S]*?\{\{- end \}\}/.exec(fixed)![0];
    expect(conditional).toBe('{{- if .Values.debug }}\n        - --log-async\n{{- end }}');
  });
});

describe('reader gaps', () => {
  it('a TAB-indented args item is a YAML error at its place, and the file gets no automatic fix', () => {
    const r = lint('tab-args.yaml');
    const syntax = r.findings.filter((f) => f.ruleId === 'yaml-syntax');
    expect(syntax).toHaveLength(1);
    expect(syntax[0]!.severity).toBe('error');
    expect(syntax[0]!.span.startPosition.line).toBe(10);
    expect(syntax[0]!.message).toMatch(/Tabs are not allowed/);
    expect(r.findings.filter((f) => automaticFix(f))).toEqual([]);
    // The list is not all there (the tab-indented item was passed over): nothing is said about what it lacks.
    expect(r.findings.map((f) => f.ruleId)).toEqual(['yaml-syntax']);
  });

  it('kube-dns ConfigMap: stubDomains and upstreamNameservers entries that are not IP addresses, at the entry', () => {
    const r = lint('kube-dns-cm.yaml');
    expect(r.errors.map((f) => r.at(f))).toEqual(['"10.0.0.256"', '"8.8.4.300"']);
  });
});
