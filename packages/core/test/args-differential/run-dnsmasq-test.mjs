// Runs `dnsmasq --test` on many argvs and prints one JSON result per argv.
// Start it inside `unshare -n` (an empty network namespace): dnsmasq resolves hostname-looking
// --server values while it parses, and in there no lookup can leave the machine.
// Input on stdin: JSON array of argv arrays. Output on stdout: JSON array of {status, output}.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const dnsmasq = process.env.DNSMASQ_BIN || 'dnsmasq';
const cases = JSON.parse(readFileSync(0, 'utf8'));
const results = cases.map((argv) => {
  const run = spawnSync(dnsmasq, ['--test', '--conf-file=/dev/null', ...argv], { encoding: 'utf8', timeout: 5000 });
  return { status: run.status, output: `${run.stdout}${run.stderr}`.trim() };
});
process.stdout.write(JSON.stringify(results));
