// The command that starts our forwarder in tests: $KDT_FORWARD_CMD, or the CLI bundled from source
// into a temporary directory (so the tests always exercise the current code, built or not).
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleCli } from '../../../../apps/cli/bundle.mjs';

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
  const cli = await bundleCli(dir, { logLevel: 'error' });
  return { command: `${process.execPath} ${cli} forward --`, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}
