import { Command } from 'commander';
import { registerCheckArgs } from './commands/check-args.js';
import { registerDemo } from './commands/demo.js';
import { registerForward } from './commands/forward.js';
import { registerLint } from './commands/lint.js';
import { registerProbe } from './commands/probe.js';
import { CLI_VERSION } from './version.js';

const program = new Command('kube-dns-tools')
  .description('Lint, run and probe kube-dns\'s dnsmasq so a cached negative answer never takes DNS down again.')
  .version(CLI_VERSION)
  .showHelpAfterError()
  // Usage errors exit 2, as DESIGN.md's contracts say; help and version exit 0.
  .exitOverride((err) => process.exit(err.exitCode === 0 ? 0 : 2));

// One line per command; each command lives in ./commands/<name>.ts.
registerCheckArgs(program);
registerLint(program);
registerForward(program);
registerDemo(program);
registerProbe(program);

program.parseAsync(process.argv).catch((err: unknown) => {
  process.stderr.write(`kube-dns-tools: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(2);
});
