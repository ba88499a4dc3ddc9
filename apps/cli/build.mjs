import { copyBindingBeside } from '@kube-dns-tools/udp-batch/bundle.mjs';
import { build } from 'esbuild';

await build({
  entryPoints: ['src/main.ts'],
  outfile: 'dist/cli.js',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  conditions: ['source'],
  banner: { js: '#!/usr/bin/env node' },
  sourcemap: true,
  logLevel: 'warning',
});
// The forwarder's native batch I/O, when built, sits beside the bundle (see packages/udp-batch).
copyBindingBeside('dist/cli.js');
