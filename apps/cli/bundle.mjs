// The CLI's bundle layout, used by build.mjs and by every test or benchmark that runs the CLI from source:
//   cli.js            launcher: `forward` -> forward.js, anything else -> main.js
//   main.js           every command
//   forward.js        the forward command alone
//   read-manifest.js  the manifest reader, loaded by forward.js only for --manifest
//   udp_batch.node    the forwarder's native batch I/O, when it was built
import { copyBindingBeside } from '@kube-dns-tools/udp-batch/bundle.mjs';
import { build } from 'esbuild';
import { chmodSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const MANIFEST_READER = '@kube-dns-tools/core/runtime/manifest-argv';
/**
 * V8 flags that only work at start-up, for `kube-dns-tools` run as a program (the npm bin, or cli.js executed):
 * --no-memory-reducer: when load drops, V8's memory reducer runs up to three full collections in a row, with
 * pauses of 2-5 ms each, which a forwarder's clients feel as a burst of slow answers (measured at 5k qps after
 * a load test). The runtime settings in packages/core/src/runtime/forwarder-memory.ts apply either way.
 */
export const STARTUP_FLAGS = ['--no-memory-reducer'];

/** Makes forward.js require read-manifest.js from beside itself at run time instead of inlining it. */
const manifestOnDemand = {
  name: 'manifest-on-demand',
  setup(b) {
    b.onResolve({ filter: /^@kube-dns-tools\/core\/runtime\/manifest-argv$/ }, () => ({ path: 'read-manifest', namespace: 'on-demand' }));
    b.onLoad({ filter: /.*/, namespace: 'on-demand' }, () => ({
      contents: "module.exports = require(require('node:path').join(__dirname, 'read-manifest.js'));",
      loader: 'js',
    }));
  },
};

export async function bundleCli(outdir, { sourcemap = false, logLevel = 'warning' } = {}) {
  const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', conditions: ['source'], sourcemap, logLevel };
  await Promise.all([
    build({ ...common, entryPoints: [join(here, 'src/launcher.ts')], outfile: join(outdir, 'cli.js'), banner: { js: `#!/usr/bin/env -S node ${STARTUP_FLAGS.join(' ')}` } }),
    build({ ...common, entryPoints: [join(here, 'src/main.ts')], outfile: join(outdir, 'main.js') }),
    build({ ...common, entryPoints: [join(here, 'src/forward-main.ts')], outfile: join(outdir, 'forward.js'), plugins: [manifestOnDemand] }),
    build({ ...common, stdin: { contents: `export * from '${MANIFEST_READER}';`, resolveDir: here, loader: 'ts' }, outfile: join(outdir, 'read-manifest.js') }),
  ]);
  const cli = join(outdir, 'cli.js');
  chmodSync(cli, 0o755);
  copyBindingBeside(cli);
  return cli;
}
