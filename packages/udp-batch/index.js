// Loads the native batch I/O, or exports undefined (not built, not Linux, or KDT_UDP_BATCH=off).
// Looked for: $KDT_UDP_BATCH (a path), this package's dist/, and beside a bundle that inlined this file
// (apps/cli/dist/cli.js carries dist/udp_batch.node next to itself).
'use strict';
const { existsSync } = require('node:fs');
const { join } = require('node:path');

function load() {
  const override = process.env.KDT_UDP_BATCH;
  if (override === 'off') return undefined;
  const candidates = override ? [override] : [join(__dirname, 'dist', 'udp_batch.node'), join(__dirname, 'udp_batch.node')];
  for (const file of candidates) {
    if (!existsSync(file)) continue;
    try {
      return require(file);
    } catch {
      // Built for another platform or Node-API version: fall back to node:dgram.
    }
  }
  return undefined;
}

const udpBatch = load();
// One malloc arena for the whole process, set as early as the binding loads: glibc otherwise gives each of
// V8's helper threads its own arena, megabytes each, and peak RSS is one of the forwarder's published numbers.
udpBatch?.limitMallocArenas(1);

module.exports = { udpBatch };
