// The command that starts our forwarder in tests: $KDT_FORWARD_CMD, or the CLI bundled from source
// into a temporary directory (so the tests always exercise the current code, built or not).
import { copyBindingBeside } from '@kube-dns-tools/udp-batch/bundle.mjs';
import { build } from 'esbuild';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CLI_ENTRY = fileURLToPath(new URL('../../../../apps/cli/src/main.ts', import.meta.url));

export interface ForwarderCommand {
  /** e.g. "node /tmp/kdt-fwd-x/cli.js forward --"; dnsmasq arguments follow. */
  command: string;
  dispose(): void;
}

export async function forwarderCommand(): Promise<ForwarderCommand> {
  const fromEnv = process.env.KDT_FORWARD_CMD;
  if (fromEnv) return { command: fromEnv, dispose: () => {} };
  if (!existsSync(CLI_ENTRY)) throw new Error(`CLI entry not found: ${CLI_ENTRY}`);
  const dir = mkdtempSync(join(tmpdir(), 'kdt-fwd-'));
  const outfile = join(dir, 'cli.js');
  await build({
    entryPoints: [CLI_ENTRY],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    conditions: ['source'],
    logLevel: 'error',
  });
  copyBindingBeside(outfile);
  return { command: `${process.execPath} ${outfile} forward --`, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}
