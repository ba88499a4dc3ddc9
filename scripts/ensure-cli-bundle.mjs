// Root postinstall: bundles the CLI (apps/cli/dist) when it is not there yet, so `kube-dns-tools` works right
// after `npm install` in a fresh clone. That is how pre-commit installs the kube-dns-tools-lint hook
// (.pre-commit-hooks.yaml, language node): `npm install` in its clone, `npm pack` (whose stdout it reads as
// the tarball's name, so no prepack/prepare script may print there), then `npm install -g` of the tarball,
// where this script finds the bundle already inside and does nothing.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'apps', 'cli', 'dist', 'cli.js');
if (!existsSync(cli)) {
  const { bundleCli } = await import(join(root, 'apps', 'cli', 'bundle.mjs'));
  await bundleCli(join(root, 'apps', 'cli', 'dist'));
}
