// Entry of dist/incident.js, forked by "Replay the Incident": core's demo on loopback, its text on stdout.
import { runDemo } from '@kube-dns-tools/core/runtime';

runDemo((text) => process.stdout.write(text)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stdout.write(`the demo failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  },
);
