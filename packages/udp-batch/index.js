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

// Loading has no side effect: a long-running forwarder limits glibc's malloc arenas itself
// (core's runtime/forwarder-memory.ts), an editor or a test that merely loads the binding does not.
const udpBatch = load();

module.exports = { udpBatch };
