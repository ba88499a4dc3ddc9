// The `kube-dns-tools` npm package: stages it and runs `npm pack`. The tarball holds the bundled CLI (no
// dependencies at all: esbuild inlines the workspace packages, commander, yaml and dns-packet), and the native
// batch I/O as C source that `npm install` compiles when it can (package/install-native.cjs); nothing prebuilt.
//   node pack-package.mjs [OUT_DIR]   ->  OUT_DIR/kube-dns-tools-<version>.tgz (default: this folder)
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bundleCli } from './bundle.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '..', '..');
export const PACKAGE_NAME = 'kube-dns-tools';

/** The package.json the tarball carries; the version is the CLI's own (version.test.ts keeps it equal to `--version`). */
export function packageManifest() {
  const cli = JSON.parse(readFileSync(join(here, 'package.json'), 'utf8'));
  return {
    name: PACKAGE_NAME,
    version: cli.version,
    description: cli.description,
    keywords: ['kube-dns', 'dnsmasq', 'kubernetes', 'dns', 'lint', 'sarif', 'pre-commit'],
    license: cli.license,
    homepage: 'https://github.com/kube-dns-tools/kube-dns-tools#readme',
    repository: { type: 'git', url: 'git+https://github.com/kube-dns-tools/kube-dns-tools.git' },
    bin: { [PACKAGE_NAME]: 'dist/cli.js' },
    files: ['dist', 'native'],
    engines: { node: '>=20' },
    scripts: { install: 'node native/install-native.cjs' },
  };
}

/** Writes the package's files into `dir` (created); resolves to `dir`. */
export async function stagePackage(dir) {
  mkdirSync(join(dir, 'native', 'include'), { recursive: true });
  await bundleCli(join(dir, 'dist'));
  // Prebuilt-free: a binding built on this machine is not shipped; install-native.cjs builds one on the user's.
  rmSync(join(dir, 'dist', 'udp_batch.node'), { force: true });
  const udpBatch = join(repo, 'packages', 'udp-batch');
  copyFileSync(join(udpBatch, 'src', 'udp_batch.c'), join(dir, 'native', 'udp_batch.c'));
  copyFileSync(join(here, 'package', 'install-native.cjs'), join(dir, 'native', 'install-native.cjs'));
  // The Node-API headers (MIT), with their licence: the user's machine may have no Node headers and no network.
  const headers = dirname(createRequire(join(udpBatch, 'package.json')).resolve('node-api-headers/package.json'));
  for (const h of ['js_native_api.h', 'js_native_api_types.h', 'node_api.h', 'node_api_types.h']) copyFileSync(join(headers, 'include', h), join(dir, 'native', 'include', h));
  copyFileSync(join(headers, 'LICENSE'), join(dir, 'native', 'include', 'LICENSE-node-api-headers'));
  copyFileSync(join(here, 'package', 'README.md'), join(dir, 'README.md'));
  copyFileSync(join(repo, 'LICENSE'), join(dir, 'LICENSE'));
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(packageManifest(), null, 2)}\n`);
  return dir;
}

/** Stages the package in a temporary folder and packs it into `outDir`; resolves to the tarball's path. */
export async function packPackage(outDir = here) {
  const stage = mkdtempSync(join(tmpdir(), 'kdt-package-'));
  try {
    await stagePackage(stage);
    mkdirSync(outDir, { recursive: true });
    const packed = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', resolve(outDir)], { cwd: stage, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }));
    return join(resolve(outDir), packed[0].filename);
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(await packPackage(process.argv[2]));
}
