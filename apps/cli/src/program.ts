/** The `kube-dns-tools` program both entry points start from: name, description, version, exit codes. */
import { Command } from 'commander';
import { CLI_VERSION } from './version.js';

export function createProgram(): Command {
  return (
    new Command('kube-dns-tools')
      .description('Lint, run and probe kube-dns\'s dnsmasq so a cached negative answer never takes DNS down again.')
      .version(CLI_VERSION)
      .showHelpAfterError()
      // Usage errors exit 2, as DESIGN.md's contracts say; help and version exit 0.
      .exitOverride((err) => process.exit(err.exitCode === 0 ? 0 : 2))
  );
}

export function runProgram(program: Command): void {
  program.parseAsync(process.argv).catch((err: unknown) => {
    process.stderr.write(`kube-dns-tools: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(2);
  });
}
