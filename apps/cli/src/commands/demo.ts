import type { Command } from 'commander';
import { runDemo } from '@kube-dns-tools/core/runtime';

/** `demo`: replays the incident on loopback against a flaky fake upstream, without and with -N. */
export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('replay the kube-dns incident locally: a flaky upstream, our forwarder without and with -N (loopback only)')
    .action(async () => {
      process.exitCode = await runDemo((text) => process.stdout.write(text));
    });
}
