import { copyBindingBeside } from '@kube-dns-tools/udp-batch/bundle.mjs';
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  conditions: ['source'],
  sourcemap: true,
  logLevel: 'warning',
};

await Promise.all([
  build({ ...common, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
  build({ ...common, entryPoints: ['@kube-dns-tools/language-server/server'], outfile: 'dist/server.js' }),
  build({ ...common, entryPoints: ['src/forwarder/forwarder-process.ts'], outfile: 'dist/forwarder.js' }),
  build({ ...common, entryPoints: ['src/incident/incident-process.ts'], outfile: 'dist/incident.js' }),
]);
// The forwarder process loads the native batch I/O from beside itself when it was built (Linux x64 here);
// elsewhere it falls back to node:dgram.
copyBindingBeside('dist/forwarder.js');
