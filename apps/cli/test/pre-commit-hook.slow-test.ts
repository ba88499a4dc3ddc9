// The repository's .pre-commit-hooks.yaml run by the real `pre-commit` (Debian's package) in a temporary git
// repository, offline: pre-commit clones a snapshot of this working tree, `npm install`s it from npm's cache
// (its postinstall bundles the CLI), packs it and installs the tarball into its node environment.
// Slow (a full `npm install` of the monorepo): run by `npm run test:pre-commit`, which setup-and-test.sh calls.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// __dirname (not import.meta): this package type-checks as CommonJS.
const REPO = join(__dirname, '../../../');
const MISTAKES = readFileSync(join(REPO, 'examples/kube-dns-mistakes.yaml'), 'utf8');
const work = mkdtempSync(join(tmpdir(), 'kdt-pre-commit-'));
const gitEnv = { GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.invalid', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.invalid' };
const env = {
  ...process.env,
  ...gitEnv,
  PRE_COMMIT_HOME: join(work, 'pre-commit-home'),
  // npm's cache only: the test machine has installed this lockfile before (npm ci).
  npm_config_offline: 'true',
  npm_config_audit: 'false',
  npm_config_fund: 'false',
  npm_config_update_notifier: 'false',
};
const git = (cwd: string, ...args: string[]): string => execFileSync('git', args, { cwd, env, encoding: 'utf8' }).trim();
const preCommit = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' });

/** This working tree (tracked and new files, as git sees them) committed into a repository of its own. */
function snapshotRepo(): { path: string; rev: string } {
  const path = join(work, 'hook-repo');
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: REPO, encoding: 'utf8' }).split('\0').filter(Boolean);
  for (const file of files) {
    const from = join(REPO, file);
    if (!existsSync(from) || !lstatSync(from).isFile()) continue;
    mkdirSync(dirname(join(path, file)), { recursive: true });
    copyFileSync(from, join(path, file));
  }
  git(path, 'init', '-q');
  git(path, 'add', '-A');
  git(path, 'commit', '-q', '-m', 'snapshot');
  return { path, rev: git(path, 'rev-parse', 'HEAD') };
}

let project = '';
beforeAll(() => {
  if (preCommit.status !== 0) return;
  const hooks = snapshotRepo();
  project = join(work, 'project');
  mkdirSync(join(project, 'deploy'), { recursive: true });
  git(project, 'init', '-q');
  writeFileSync(join(project, '.pre-commit-config.yaml'), `repos:\n  - repo: ${JSON.stringify(hooks.path)}\n    rev: ${hooks.rev}\n    hooks:\n      - id: kube-dns-tools-lint\n`);
  writeFileSync(join(project, 'deploy', 'kube-dns.yaml'), MISTAKES);
  writeFileSync(join(project, 'deploy', 'values.json'), '{"replicas": 2}\n');
  // The same broken manifest under a name the hook does not take: not linted.
  writeFileSync(join(project, 'deploy', 'notes.txt'), MISTAKES);
  git(project, 'add', '-A');
}, 60_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** `pre-commit run ARGS` in the project, asynchronously (a minutes-long spawnSync would stall vitest's worker). */
function run(...args: string[]): Promise<{ status: number | null; output: string }> {
  const child = spawn('pre-commit', ['run', '--color', 'never', ...args], { cwd: project, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const timer = setTimeout(() => child.kill('SIGTERM'), 540_000);
  return new Promise((resolve) => child.on('close', (status) => (clearTimeout(timer), resolve({ status, output }))));
}

describe.skipIf(preCommit.status !== 0 && !process.env['CI'])('pre-commit hook kube-dns-tools-lint', () => {
  it('installs offline and fails the commit on a manifest dnsmasq would refuse, naming the findings', async () => {
    expect(preCommit.status, 'pre-commit is not installed (Debian package pre-commit; scripts/install-system-deps.sh)').toBe(0);
    const r = await run('--all-files');
    expect(r.output).toMatch(/kube-dns-tools lint\.+Failed/);
    expect(r.output).toContain('- hook id: kube-dns-tools-lint');
    expect(r.output).toContain('- exit code: 1');
    expect(r.output).toContain('deploy/kube-dns.yaml');
    expect(r.output).toMatch(/26:35 +error +dnsmasq refuses --server=\/cluster\.local\/127\.0\.0\.1:10053.*server-syntax/);
    expect(r.output).not.toContain('notes.txt');
    expect(r.status).toBe(1);
  }, 600_000);

  it('passes a manifest with warnings but no error (the environment is reused)', async () => {
    // examples/kube-dns.yaml: the incident's manifest, one warning (no-negcache), which does not block a commit.
    writeFileSync(join(project, 'deploy', 'kube-dns.yaml'), readFileSync(join(REPO, 'examples/kube-dns.yaml')));
    const r = await run('--files', 'deploy/kube-dns.yaml', 'deploy/values.json');
    expect(r.output).toMatch(/kube-dns-tools lint\.+Passed/);
    expect(r.status).toBe(0);
  }, 120_000);
});
