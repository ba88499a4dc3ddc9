// `npm install kube-dns-tools` runs this: it compiles the optional native batch I/O (recvmmsg/sendmmsg) that
// `kube-dns-tools forward` uses on Linux, with the system C compiler (`cc`, or $CC) and the Node-API headers
// shipped beside it: no prebuilt binaries, no node-gyp (which would download Node's headers), no network.
// It never fails the install: without a compiler, off Linux, or when the result does not load, it says so and
// the forwarder uses node:dgram, which answers the same, with more system calls per packet.
'use strict';
const { spawnSync } = require('node:child_process');
const { renameSync, rmSync } = require('node:fs');
const { join } = require('node:path');

const native = __dirname;
const out = join(native, '..', 'dist', 'udp_batch.node');
// A .node name, so require() loads it as an add-on for the check below.
const building = join(native, `udp_batch-${process.pid}.node`);

function finish(message) {
  rmSync(building, { force: true });
  console.log(`kube-dns-tools: ${message}`);
  process.exit(0);
}
const fallback = (why) => finish(`native batch I/O not built (${why}); forward uses node:dgram`);

if (process.env.KDT_UDP_BATCH === 'off') fallback('KDT_UDP_BATCH=off');
if (process.platform !== 'linux') fallback(`recvmmsg/sendmmsg are Linux system calls; this is ${process.platform}`);
const compiler = process.env.CC || 'cc';
const args = ['-O2', '-std=c11', '-fPIC', '-shared', '-fvisibility=hidden', '-I', join(native, 'include'), join(native, 'udp_batch.c'), '-o', building];
const run = spawnSync(compiler, args, { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', timeout: 120_000 });
if (run.error) fallback(`${compiler}: ${run.error.message}`);
if (run.status !== 0) fallback(`${compiler} exited with ${run.status ?? run.signal}: ${(run.stderr || '').trim().split('\n')[0] ?? ''}`);
try {
  require(building);
} catch (error) {
  fallback(`the compiled module does not load: ${error.message}`);
}
renameSync(building, out);
finish('built the native batch I/O for forward (recvmmsg/sendmmsg)');
