import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packPackage, PACKAGE_NAME } from '../pack-package.mjs';
import { CLI_VERSION } from '../src/version.js';

// __dirname (not import.meta): this package type-checks as CommonJS.
const REPO = join(__dirname, '../../../');
const MISTAKES = readFileSync(join(REPO, 'examples/kube-dns-mistakes.yaml'), 'utf8');
const work = mkdtempSync(join(tmpdir(), 'kdt-package-test-'));
let tarball = '';

// npm with the registry unreachable: the package must install from the tarball alone.
const npmEnv = (extra: Record<string, string> = {}): NodeJS.ProcessEnv => ({
  ...process.env,
  npm_config_offline: 'true',
  npm_config_registry: 'http://127.0.0.1:9/',
  npm_config_audit: 'false',
  npm_config_fund: 'false',
  npm_config_update_notifier: 'false',
  ...extra,
});

beforeAll(async () => {
  tarball = await packPackage(work);
}, 120_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A fresh folder with the tarball installed by `npm install --offline`; returns the folder and npm's output. */
function install(name: string, env: Record<string, string> = {}): { dir: string; output: string } {
  const dir = join(work, name);
  execFileSync('mkdir', ['-p', dir]);
  writeFileSync(join(dir, 'package.json'), '{ "private": true }\n');
  const run = spawnSync('npm', ['install', '--offline', '--foreground-scripts', tarball], { cwd: dir, env: npmEnv(env), encoding: 'utf8', timeout: 120_000 });
  expect(run.status, run.stderr).toBe(0);
  return { dir, output: run.stdout + run.stderr };
}

function npx(dir: string, args: string[], input?: string): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync('npx', ['--offline', PACKAGE_NAME, ...args], { cwd: dir, env: npmEnv(), encoding: 'utf8', input, timeout: 60_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

const hasCompiler = process.platform === 'linux' && spawnSync(process.env['CC'] || 'cc', ['--version']).status === 0;

describe('the kube-dns-tools npm package', () => {
  it('is one self-contained tarball: no dependencies, a bin, engines, no prebuilt binary', () => {
    const files = execFileSync('tar', ['tzf', tarball], { encoding: 'utf8' }).trim().split('\n').sort();
    expect(files).toEqual(
      [
        'LICENSE', 'README.md', 'package.json',
        'dist/cli.js', 'dist/forward.js', 'dist/main.js', 'dist/read-manifest.js',
        'native/install-native.cjs', 'native/udp_batch.c',
        'native/include/LICENSE-node-api-headers', 'native/include/js_native_api.h', 'native/include/js_native_api_types.h', 'native/include/node_api.h', 'native/include/node_api_types.h',
      ].map((f) => `package/${f}`).sort(),
    );
    const manifest = JSON.parse(execFileSync('tar', ['xzOf', tarball, 'package/package.json'], { encoding: 'utf8' })) as Record<string, unknown>;
    expect(manifest).toMatchObject({ name: PACKAGE_NAME, version: CLI_VERSION, bin: { [PACKAGE_NAME]: 'dist/cli.js' }, engines: { node: '>=20' } });
    for (const key of ['dependencies', 'optionalDependencies', 'peerDependencies', 'bundleDependencies', 'private']) expect(manifest).not.toHaveProperty(key);
    for (const js of ['cli', 'main', 'forward', 'read-manifest']) {
      expect(execFileSync('tar', ['xzOf', tarball, `package/dist/${js}.js`], { encoding: 'utf8' })).not.toMatch(/require\(["'](?:@kube-dns-tools\/|commander|yaml|dns-packet)/);
    }
  });

  it('installs offline from the tarball; --version, lint (files and stdin) and demo work through npx', () => {
    const { dir, output } = install('with-compiler');
    const native = join(dir, 'node_modules', PACKAGE_NAME, 'dist', 'udp_batch.node');
    if (hasCompiler) {
      expect(output).toContain('kube-dns-tools: built the native batch I/O');
      expect(existsSync(native)).toBe(true);
    }
    expect(npx(dir, ['--version'])).toMatchObject({ status: 0, stdout: `${CLI_VERSION}\n` });
    writeFileSync(join(dir, 'kube-dns.yaml'), MISTAKES);
    const onFile = npx(dir, ['lint', '--format', 'json', 'kube-dns.yaml']);
    expect(onFile.status).toBe(1);
    expect((JSON.parse(onFile.stdout) as { findings: unknown[] }[])[0]!.findings.length).toBeGreaterThan(4);
    const onStdin = npx(dir, ['lint', '-', '--format', 'json', '--stdin-filename', 'kube-dns.yaml'], MISTAKES);
    expect(onStdin.stdout).toBe(onFile.stdout);
    expect(onStdin.status).toBe(1);
    const demo = npx(dir, ['demo']);
    expect(demo.stderr).toBe('');
    expect(demo.status).toBe(0);
    expect(demo.stdout).toContain('with -N:    the bad reply was passed on once');
  }, 180_000);

  it('without a C compiler the install still succeeds, says why, and forward falls back to node:dgram', () => {
    const { dir, output } = install('no-compiler', { CC: join(work, 'no-such-cc') });
    expect(output).toMatch(/kube-dns-tools: native batch I\/O not built \(.*no-such-cc.*\); forward uses node:dgram/);
    expect(existsSync(join(dir, 'node_modules', PACKAGE_NAME, 'dist', 'udp_batch.node'))).toBe(false);
    const demo = npx(dir, ['demo']);
    expect(demo.status).toBe(0);
    expect(demo.stdout).toContain('with -N:    the bad reply was passed on once');
  }, 180_000);
});
