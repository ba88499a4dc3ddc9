import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface OracleVerdict {
  readonly ok: boolean;
  /** dnsmasq's message without the `dnsmasq: ` prefix. */
  readonly message: string;
}

const BATCH = fileURLToPath(new URL('./run-dnsmasq-test.mjs', import.meta.url));

export function findDnsmasq(): string | undefined {
  const candidates = [process.env.DNSMASQ_BIN, '/usr/sbin/dnsmasq', '/usr/bin/dnsmasq'];
  return candidates.find((c): c is string => !!c && existsSync(c));
}

/** Why the real dnsmasq cannot be asked here, or undefined when it can. */
export function oracleUnavailable(): string | undefined {
  if (!findDnsmasq()) return 'dnsmasq is not installed (apt-get install dnsmasq-base); the differential test needs the real binary';
  const probe = spawnSync('unshare', ['-n', 'true'], { encoding: 'utf8' });
  if (probe.status !== 0) return `cannot create an empty network namespace (unshare -n: ${probe.stderr.trim() || probe.error}); refusing to let dnsmasq resolve names on the real network`;
  return undefined;
}

/** Asks the real dnsmasq 2.90 (`dnsmasq --test`) for its verdict on each argv, inside an empty network namespace. */
export function askDnsmasq(argvs: readonly (readonly string[])[]): OracleVerdict[] {
  const run = spawnSync('unshare', ['-n', '--', process.execPath, BATCH], {
    input: JSON.stringify(argvs),
    encoding: 'utf8',
    env: { ...process.env, DNSMASQ_BIN: findDnsmasq() },
    maxBuffer: 64 * 1024 * 1024,
    timeout: 300_000,
  });
  if (run.status !== 0) throw new Error(`dnsmasq batch failed: ${run.stderr || run.error}`);
  const results = JSON.parse(run.stdout) as { status: number | null; output: string }[];
  return results.map(({ status, output }) => ({
    ok: status === 0,
    message: output.split('\n').filter(Boolean).at(-1)?.replace(/^dnsmasq: /, '') ?? '',
  }));
}
