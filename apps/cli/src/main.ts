import { Command } from 'commander';
import { registerForward } from './commands/forward.js';

const program = new Command('kube-dns-tools')
  .description('Lint, run and probe kube-dns\'s dnsmasq so a cached negative answer never takes DNS down again.')
  .version('0.1.0')
  .showHelpAfterError();

// One line per command; each command lives in ./commands/<name>.ts.
registerForward(program);

program.parseAsync(process.argv).catch((err: unknown) => {
  process.stderr.write(`kube-dns-tools: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(2);
});
