import type { ArgvVerdict } from '@kube-dns-tools/core/dnsmasq';
import { checkArgvOnHost, nodeDnsmasqHost } from '@kube-dns-tools/core/dnsmasq';
import type { Command } from 'commander';

/** `check-args [--json] -- ARGS...`: the verdict `dnsmasq --test` would give, without dnsmasq installed. */
export function registerCheckArgs(program: Command): void {
  program
    .command('check-args')
    .description('validate a dnsmasq argv the way `dnsmasq --test` does (put the argv after --)')
    .option('--json', 'print {"ok", "message", "token"} as JSON')
    .argument('[args...]', 'the dnsmasq arguments, after --')
    .allowUnknownOption()
    .action((args: string[], opts: { json?: boolean }) => {
      const verdict = checkArgvOnHost(args, nodeDnsmasqHost);
      process.stdout.write(opts.json ? `${JSON.stringify({ ok: verdict.ok, message: verdict.message, token: verdict.token })}\n` : formatVerdict(verdict));
      process.exitCode = verdict.ok ? 0 : 1;
    });
}

function formatVerdict(verdict: ArgvVerdict): string {
  if (verdict.ok) return `${verdict.message}\n`;
  const where = verdict.token === null ? '' : `  at ${JSON.stringify(verdict.token)}${verdict.tokenIndex === undefined ? '' : ` (argument ${verdict.tokenIndex + 1})`}`;
  return `${verdict.message}\n${where}${verdict.explanation ? `: ${verdict.explanation}` : ''}\n`;
}
