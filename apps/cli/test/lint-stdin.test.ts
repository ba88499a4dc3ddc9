import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lintText } from '@kube-dns-tools/core/lint';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

// __dirname (not import.meta): this package type-checks as CommonJS.
const REPO = join(__dirname, '../../../');
const MISTAKES = readFileSync(join(REPO, 'examples/kube-dns-mistakes.yaml'), 'utf8');
const CLEAN = readFileSync(join(REPO, 'examples/kube-dns.yaml'), 'utf8');
const TEMPLATE_PATH = 'packages/core/test/fixtures/corpus/kubespray@d71590bb/dnsmasq-deploy.yml.j2';
const TEMPLATE = readFileSync(join(REPO, TEMPLATE_PATH), 'utf8');
const COREFILE = readFileSync(join(REPO, 'packages/core/test/fixtures/coredns-corpus/19-openshift-cache-configured.Corefile'), 'utf8');
const CONF_TEMPLATE = readFileSync(join(REPO, 'packages/core/test/fixtures/corpus/kubespray@d71590bb/01-kube-dns.conf.j2'), 'utf8');

const temps: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kdt-stdin-'));
  temps.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

interface JsonFile {
  filePath: string;
  findings: { ruleId: string; message: string; line: number; column: number }[];
}

/** What `lint --format json FILE` says for the same text saved under `name`, with the path replaced. */
function asFile(text: string, name: string, args: string[] = []): { status: number | null; json: JsonFile[] } {
  const dir = tempDir();
  writeFileSync(join(dir, name.replace(/\//g, '_')), text);
  const run = runCli(['lint', '--format', 'json', ...args, name.replace(/\//g, '_')], { cwd: dir });
  const json = (JSON.parse(run.stdout) as JsonFile[]).map((f) => ({ ...f, filePath: name }));
  return { status: run.status, json };
}

describe('kube-dns-tools lint - (standard input)', () => {
  it('stylish: the findings a file gets, under <stdin>, exit 1 on an error', () => {
    const run = runCli(['lint', '-'], { input: MISTAKES });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    expect(run.stdout.split('\n')[1]).toBe('<stdin>');
    const count = lintText(MISTAKES, {}).findings.length;
    expect(run.stdout.match(/^ {2}\d+:\d+ /gm)).toHaveLength(count);
  });

  it('json: the same findings as for a file of the --stdin-filename name', () => {
    const run = runCli(['lint', '-', '--format', 'json', '--stdin-filename', 'deploy/kube-dns.yaml'], { input: MISTAKES });
    expect(run.status).toBe(1);
    const expected = asFile(MISTAKES, 'deploy/kube-dns.yaml');
    expect(JSON.parse(run.stdout)).toEqual(expected.json);
    expect(expected.json[0]!.findings.length).toBeGreaterThan(4);
  });

  it('sarif: names the --stdin-filename as the artifact, with fingerprints', () => {
    const run = runCli(['lint', '-', '--format', 'sarif', '--stdin-filename', 'charts/kube-dns/templates/kube-dns.yaml'], { input: MISTAKES });
    expect(run.status).toBe(1);
    const log = JSON.parse(run.stdout) as { runs: { artifacts: unknown[]; results: { locations: { physicalLocation: { artifactLocation: unknown } }[]; partialFingerprints: object }[] }[] };
    expect(log.runs[0]!.artifacts).toEqual([{ location: { uri: 'charts/kube-dns/templates/kube-dns.yaml', uriBaseId: '%SRCROOT%' } }]);
    expect(log.runs[0]!.results.length).toBeGreaterThan(4);
    for (const r of log.runs[0]!.results) {
      expect(r.locations[0]!.physicalLocation.artifactLocation).toEqual({ uri: 'charts/kube-dns/templates/kube-dns.yaml', uriBaseId: '%SRCROOT%' });
      expect(Object.keys(r.partialFingerprints)).toEqual(['kubeDnsToolsLineHash/v1']);
    }
  });

  it('exit 0 with only warnings, and for empty input', () => {
    const run = runCli(['lint', '-'], { input: CLEAN });
    expect(run).toMatchObject({ status: 0, stderr: '' });
    expect(run.stdout).toContain('(0 errors, 1 warning');
    expect(runCli(['lint', '-'], { input: '' })).toMatchObject({ status: 0, stdout: '', stderr: '' });
  });

  it('--stdin-filename sets the file type: a dnsmasq .conf is read as one, not as YAML', () => {
    const conf = 'no-resolv\nserver=/cluster.local/127.0.0.1:10053\ncache-size=1000\n';
    const asConf = runCli(['lint', '-', '--format', 'json', '--stdin-filename', '01-kube-dns.conf'], { input: conf });
    const expected = asFile(conf, '01-kube-dns.conf');
    expect(JSON.parse(asConf.stdout)).toEqual(expected.json);
    expect(expected.json[0]!.findings.length).toBeGreaterThan(0);
    expect(asConf.status).toBe(expected.status);
    const asYaml = runCli(['lint', '-', '--format', 'json'], { input: conf });
    expect(asYaml.stdout).not.toBe(asConf.stdout);
  });

  it.each([
    ['a Jinja manifest template', TEMPLATE, 'roles/dnsmasq/templates/dnsmasq-deploy.yml.j2'],
    ['a Jinja dnsmasq.conf template', CONF_TEMPLATE, 'roles/dnsmasq/templates/01-kube-dns.conf.j2'],
    ['a Corefile', COREFILE, 'Corefile'],
  ])('%s on stdin gets the findings of the file its --stdin-filename names', (_, text, name) => {
    const run = runCli(['lint', '-', '--format', 'json', '--stdin-filename', name], { input: text });
    const expected = asFile(text, name);
    expect(JSON.parse(run.stdout)).toEqual(expected.json);
    expect(expected.json[0]!.findings.length).toBeGreaterThan(0);
    expect(run.status).toBe(expected.status);
  });

  it('a dnsmasq.conf template is only read as one with its name (as YAML it holds no dnsmasq)', () => {
    const unnamed = JSON.parse(runCli(['lint', '-', '--format', 'json'], { input: CONF_TEMPLATE }).stdout) as JsonFile[];
    expect(unnamed[0]!.findings).toEqual([]);
  });

  it('--fix prints the whole fixed text to stdout, the report to stderr, and writes nothing', () => {
    const dir = tempDir();
    const run = runCli(['lint', '-', '--fix', '--stdin-filename', 'kube-dns.yaml'], { input: MISTAKES, cwd: dir });
    expect(readdirSync(dir)).toEqual([]);
    // The same bytes as --fix writes for the file.
    const fileDir = tempDir();
    writeFileSync(join(fileDir, 'kube-dns.yaml'), MISTAKES);
    const onFile = runCli(['lint', '--fix', 'kube-dns.yaml'], { cwd: fileDir });
    const fixed = readFileSync(join(fileDir, 'kube-dns.yaml'), 'utf8');
    expect(fixed).not.toBe(MISTAKES);
    expect(run.stdout).toBe(fixed);
    expect(run.stderr).toBe(onFile.stdout);
    expect(run.status).toBe(onFile.status);
  });

  it('--fix passes input with nothing to fix through unchanged (keeping a BOM), exit 0', () => {
    const fixed = runCli(['lint', '-', '--fix'], { input: CLEAN }).stdout;
    expect(fixed).not.toBe(CLEAN);
    const run = runCli(['lint', '-', '--fix'], { input: `\ufeff${fixed}` });
    expect(run).toMatchObject({ status: 0, stdout: `\ufeff${fixed}`, stderr: '' });
  });

  it('--fix with --format json reports what remains on stderr', () => {
    const run = runCli(['lint', '-', '--fix', '--format', 'json', '--stdin-filename', 'a.yaml'], { input: MISTAKES });
    const remaining = JSON.parse(run.stderr) as JsonFile[];
    expect(remaining[0]!.findings).toHaveLength(lintText(run.stdout, { filePath: 'a.yaml' }).findings.length);
  });

  it.each([
    [['lint', '-', 'examples'], /`-` \(standard input\) cannot be mixed with other paths/],
    [['lint', 'examples', '--stdin-filename', 'a.yaml'], /--stdin-filename names standard input: give `-` as the path/],
    [['lint', '-', '--stdin-filename', ''], /--stdin-filename: expected a file name/],
  ])('exit 2 on bad usage %j', (args, message) => {
    const run = runCli(args, { input: CLEAN, cwd: REPO });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stdout).toBe('');
  });

  it('exit 2 for input that is not UTF-8 text, naming stdin', () => {
    const run = runCli(['lint', '-', '--stdin-filename', 'in.yaml'], { input: '\u0000\u0001binary' });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('kube-dns-tools lint: in.yaml: skipped: a binary file, not a manifest\n');
  });
});
