import { spawn, spawnSync } from 'node:child_process';
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

/**
 * Asks the real dnsmasq 2.90 (`dnsmasq --test`) for its verdict on each argv, inside an empty network namespace.
 * Asynchronous: thousands of runs take minutes, and a test worker blocked that long misses vitest's own messages.
 */
export async function askDnsmasq(argvs: readonly (readonly string[])[]): Promise<OracleVerdict[]> {
  const child = spawn('unshare', ['-n', '--', process.execPath, BATCH], {
    env: { ...process.env, DNSMASQ_BIN: findDnsmasq() },
    stdio: ['pipe', 'pipe', 'pipe'],
    timeout: 600_000,
  });
  const stdout: Buffer[] = [];
  const stderr: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
  child.stdin.end(JSON.stringify(argvs));
  const status = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve(code));
  });
  if (status !== 0) throw new Error(`dnsmasq batch failed (exit ${status}): ${Buffer.concat(stderr).toString('utf8')}`);
  const results = JSON.parse(Buffer.concat(stdout).toString('utf8')) as { status: number | null; output: string }[];
  return results.map(({ status, output }) => ({
    ok: status === 0,
    message: output.split('\n').filter(Boolean).at(-1)?.replace(/^dnsmasq: /, '') ?? '',
  }));
}
