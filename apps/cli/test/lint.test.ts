import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lintText } from '@kube-dns-tools/core/lint';
import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { CLI, runCli } from './run-cli.js';

// __dirname (not import.meta): this package type-checks as CommonJS.
const REPO = join(__dirname, '../../../');
const CORPUS = 'packages/core/test/fixtures/corpus';
const EXAMPLE = 'examples/kube-dns.yaml';

interface JsonFile {
  filePath: string;
  findings: { ruleId: string; severity: string; message: string; line: number; column: number; endLine: number; endColumn: number; fixable: boolean }[];
}

const temps: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kdt-lint-'));
  temps.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

describe('kube-dns-tools lint --format json', () => {
  it('gives the same findings as the library call, file by file', () => {
    const run = runCli(['lint', '--format', 'json', CORPUS, EXAMPLE], { cwd: REPO });
    expect(run.stderr).toBe('');
    const files = JSON.parse(run.stdout) as JsonFile[];
    expect(files.length).toBeGreaterThan(50);
    for (const file of files) {
      const { findings } = lintText(readFileSync(join(REPO, file.filePath), 'utf8'), { filePath: file.filePath });
      expect(file.findings, file.filePath).toEqual(
        findings.map((f) => ({
          ruleId: f.ruleId,
          severity: f.severity,
          message: f.message,
          line: f.span.startPosition.line + 1,
          column: f.span.startPosition.character + 1,
          endLine: f.span.endPosition.line + 1,
          endColumn: f.span.endPosition.character + 1,
          fixable: f.fixes.some((x) => x.preferred),
        })),
      );
    }
    // The corpus holds a broken ConfigMap (configmap-json is an error): exit 1.
    expect(run.status).toBe(1);
  });

  it('recurses into template suffixes and skips node_modules and .git', () => {
    const dir = tempDir();
    for (const sub of ['node_modules/x', '.git', 'deploy']) mkdirSync(join(dir, sub), { recursive: true });
    for (const name of ['node_modules/x/a.yaml', '.git/b.yaml', 'deploy/kube-dns.yaml.j2', 'deploy/notes.txt']) copyFileSync(join(REPO, EXAMPLE), join(dir, name));
    const files = (JSON.parse(runCli(['lint', '--format', 'json', dir]).stdout) as JsonFile[]).map((f) => f.filePath);
    expect(files).toEqual([join(dir, 'deploy/kube-dns.yaml.j2')]);
  });
});

describe('kube-dns-tools lint exit codes and messages', () => {
  it('exits 0 with warnings only, 1 past --max-warnings, and the stylish text names file, place and rule', () => {
    const run = runCli(['lint', EXAMPLE], { cwd: REPO });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(EXAMPLE);
    expect(run.stdout).toMatch(/59:15 +warning +dnsmasq runs without --no-negcache, .* +no-negcache/);
    expect(runCli(['lint', '--max-warnings', '0', EXAMPLE], { cwd: REPO }).status).toBe(1);
    expect(runCli(['lint', '--max-warnings', '1', EXAMPLE], { cwd: REPO }).status).toBe(0);
  });

  it('--rule changes severities and exit codes', () => {
    expect(runCli(['lint', '--rule', 'no-negcache=error', EXAMPLE], { cwd: REPO }).status).toBe(1);
    const off = runCli(['lint', '--format', 'json', '--rule', 'no-negcache=off', EXAMPLE], { cwd: REPO });
    expect((JSON.parse(off.stdout) as JsonFile[])[0]!.findings).toEqual([]);
  });

  it('exits 2 with a one-line message on bad usage or unreadable input, never a stack trace', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'binary.yaml'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2]));
    writeFileSync(join(dir, 'latin1.yaml'), Buffer.from('name: caf\xe9\n', 'latin1'));
    writeFileSync(join(dir, 'utf16.yaml'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('kind: Pod\n', 'utf16le')]));
    mkdirSync(join(dir, 'empty'));
    const cases: [string[], RegExp][] = [
      [['lint', '--format', 'xml', EXAMPLE], /--format xml: expected one of stylish, json, sarif/],
      [['lint', '--rule', 'nope=off', EXAMPLE], /no rule "nope"/],
      [['lint', '--rule', 'no-negcache=loud', EXAMPLE], /expected no-negcache=off\|error\|warning\|info\|hint/],
      [['lint', '--max-warnings', 'many', EXAMPLE], /--max-warnings many: expected a whole number/],
      [['lint', join(dir, 'missing.yaml')], /missing\.yaml: no such file or directory/],
      [['lint', join(dir, 'binary.yaml')], /binary\.yaml: skipped: a binary file/],
      [['lint', join(dir, 'latin1.yaml')], /latin1\.yaml: skipped: not UTF-8 text/],
      [['lint', join(dir, 'utf16.yaml')], /utf16\.yaml: skipped: UTF-16 text; save it as UTF-8 to lint it/],
      [['lint', join(dir, 'empty')], /empty: no manifests here/],
    ];
    for (const [args, message] of cases) {
      const run = runCli(args, { cwd: REPO });
      expect(run.status, args.join(' ')).toBe(2);
      expect(run.stderr, args.join(' ')).toMatch(message);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('reports an unreadable file and still lints the others', () => {
    if (process.getuid?.() === 0) return; // root reads everything: nothing to test
    const dir = tempDir();
    copyFileSync(join(REPO, EXAMPLE), join(dir, 'a.yaml'));
    writeFileSync(join(dir, 'b.yaml'), 'kind: Pod\n');
    chmodSync(join(dir, 'b.yaml'), 0);
    const run = runCli(['lint', '--format', 'json', dir]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/b\.yaml: cannot read: permission denied/);
    expect((JSON.parse(run.stdout) as JsonFile[]).map((f) => f.filePath)).toEqual([join(dir, 'a.yaml')]);
  });
});

describe('progress line', () => {
  const dir = tempDir();
  for (let i = 0; i < 25; i++) writeFileSync(join(dir, `app-${String(i).padStart(2, '0')}.yaml`), `kind: Service\nmetadata: {name: s${i}}\n`);

  it('is not written when stderr is not a terminal', () => {
    const run = runCli(['lint', dir]);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
  });

  it('counts files on a terminal and is cleared at the end', () => {
    const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;
    if (!hasScript) return; // util-linux `script` gives the CLI a pseudo-terminal
    const run = spawnSync('script', ['-qec', `${JSON.stringify(process.execPath)} ${JSON.stringify(CLI)} lint ${JSON.stringify(dir)}`, '/dev/null'], { encoding: 'utf8', timeout: 60_000 });
    expect(run.stdout).toContain('linting 1/25 ');
    expect(run.stdout).toContain('linting 25/25 ');
    expect(run.stdout).toMatch(/\r\x1b\[K$/);
  });
});

describe('kube-dns-tools lint --fix', () => {
  it('applies preferred fixes until stable, keeps the file mode, leaves no temporary file', () => {
    const dir = tempDir();
    const file = join(dir, 'kube-dns.yaml');
    copyFileSync(join(REPO, 'packages/core/test/lint/fixtures/crlf.yaml'), file);
    chmodSync(file, 0o640);
    const before = readFileSync(file, 'utf8');
    const run = runCli(['lint', '--fix', '--format', 'json', file]);
    expect(run.status).toBe(0);
    const after = readFileSync(file, 'utf8');
    expect(after).not.toBe(before);
    expect(after).toContain('- --server=/ip6.arpa/127.0.0.1#10053   # reverse IPv6\r\n');
    expect(after).toContain('- --no-negcache\r\n');
    expect(after).toContain('- --log-queries\r\n');
    expect(statSync(file).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir)).toEqual(['kube-dns.yaml']);
    // What is printed is what is left after fixing: only findings without a fix.
    const left = (JSON.parse(run.stdout) as JsonFile[])[0]!.findings;
    expect(left.every((f) => !f.fixable)).toBe(true);
    expect(lintText(after, { filePath: file }).findings.map((f) => f.ruleId)).toEqual(left.map((f) => f.ruleId));
  });
});

describe('.kube-dns-tools.yaml', () => {
  it('is read from the repository root, and --rule wins over it', () => {
    const dir = tempDir();
    mkdirSync(join(dir, '.git'));
    mkdirSync(join(dir, 'deploy'));
    writeFileSync(join(dir, '.kube-dns-tools.yaml'), 'rules:\n  no-negcache: error\n');
    copyFileSync(join(REPO, EXAMPLE), join(dir, 'deploy/kube-dns.yaml'));
    const run = runCli(['lint', '--format', 'json', 'deploy'], { cwd: dir });
    expect((JSON.parse(run.stdout) as JsonFile[])[0]!.findings.map((f) => f.severity)).toEqual(['error']);
    expect(run.status).toBe(1);
    expect(runCli(['lint', '--rule', 'no-negcache=warning', 'deploy'], { cwd: dir }).status).toBe(0);
  });

  it('reports a bad config file by name once', () => {
    const dir = tempDir();
    mkdirSync(join(dir, '.git'));
    writeFileSync(join(dir, '.kube-dns-tools.yaml'), 'rules:\n  no-such-rule: off\n');
    copyFileSync(join(REPO, EXAMPLE), join(dir, 'a.yaml'));
    copyFileSync(join(REPO, EXAMPLE), join(dir, 'b.yaml'));
    const run = runCli(['lint', '.'], { cwd: dir });
    expect(run.stderr.match(/rules\.no-such-rule: no such rule/g)).toHaveLength(1);
  });
});

describe('kube-dns-tools lint on a folder with files it cannot read (issue 14)', () => {
  it('prints the readable files\' findings, one line per skipped file, and exits 2', () => {
    const dir = tempDir();
    copyFileSync(join(REPO, EXAMPLE), join(dir, 'a.yaml'));
    writeFileSync(join(dir, 'b.yaml'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2]));
    symlinkSync(join(dir, 'gone.yaml'), join(dir, 'c.yaml'));
    const run = runCli(['lint', dir]);
    expect(run.status).toBe(2);
    expect(run.stdout).toContain(join(dir, 'a.yaml'));
    expect(run.stdout).toMatch(/warning +dnsmasq runs without --no-negcache/);
    const skipped = run.stderr.trim().split('\n');
    expect(skipped).toHaveLength(2);
    expect(skipped[0]).toMatch(/b\.yaml: skipped: a binary file/);
    expect(skipped[1]).toMatch(/c\.yaml: skipped: a symbolic link to a file that does not exist/);
  });

  it('says "1 warning" for one warning past --max-warnings, and exits 1 only then', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'dnsmasq.conf'), 'log-queries\nlog-facility=-\nserver=10.96.0.10\nno-resolv\n');
    const run = runCli(['lint', '--max-warnings', '0', join(dir, 'dnsmasq.conf')]);
    expect(run.stdout).toMatch(/\(0 errors, 1 warning, /);
    expect(run.stderr).toMatch(/1 warning, more than --max-warnings 0/);
    expect(run.status).toBe(1);
    expect(runCli(['lint', join(dir, 'dnsmasq.conf')]).status).toBe(0);
  });

  it('--help says the exit codes the README says', () => {
    const help = runCli(['lint', '--help']).stdout.replace(/\s+/g, ' ');
    expect(help).toMatch(/Exit codes \(as ESLint\): 0 no error-level finding/);
    const readme = readFileSync(join(REPO, 'README.md'), 'utf8').replace(/\s+/g, ' ');
    expect(readme).toMatch(/`lint` follows ESLint: 1 only for an error-level finding/);
  });
});
