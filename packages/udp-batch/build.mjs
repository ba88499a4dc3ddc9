// Compiles src/udp_batch.c into dist/udp_batch.node with the system C compiler and the Node-API headers
// from npm (no node-gyp: it would download Node's headers, and this machine reaches only the npm registry).
// Without a compiler, or off Linux, it says so and succeeds: the forwarder then uses node:dgram alone.
// KDT_REQUIRE_NATIVE=1 (set by CI) turns that into a failure, so the tests never silently skip the fast path.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const required = process.env.KDT_REQUIRE_NATIVE === '1';
const out = join(here, 'dist', 'udp_batch.node');

function skip(reason) {
  const message = `udp-batch: not built (${reason}); the forwarder will use node:dgram only`;
  if (required) {
    console.error(`${message}, but KDT_REQUIRE_NATIVE=1`);
    process.exit(1);
  }
  console.warn(message);
  process.exit(0);
}

if (process.platform !== 'linux') skip(`recvmmsg/sendmmsg are Linux system calls; this is ${process.platform}`);
const compiler = process.env.CC ?? 'cc';
const include = join(dirname(createRequire(import.meta.url).resolve('node-api-headers/package.json')), 'include');
mkdirSync(join(here, 'dist'), { recursive: true });
const args = ['-O2', '-Wall', '-Wextra', '-Werror', '-std=c11', '-fPIC', '-shared', '-fvisibility=hidden', '-I', include, join(here, 'src', 'udp_batch.c'), '-o', out];
const run = spawnSync(compiler, args, { stdio: 'inherit' });
if (run.error) skip(`${compiler}: ${run.error.message}`);
if (run.status !== 0) {
  console.error(`udp-batch: ${compiler} failed (exit ${run.status})`);
  process.exit(1);
}
