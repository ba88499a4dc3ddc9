import type { Forwarder } from '@kube-dns-tools/core/dns';
import { startForwarder } from '@kube-dns-tools/core/runtime';
import type { Command } from 'commander';
import { forwardArgv } from './forward-argv.js';

interface ForwardOptions {
  manifest?: string;
  upstream: string[];
}

const collect = (value: string, previous: string[]): string[] => [...previous, value];

/** `forward [--manifest FILE] [--upstream ADDR#PORT]... [-- DNSMASQ_ARGS...]`: run dnsmasq's cache and forwarding locally. */
export function registerForward(program: Command): void {
  program
    .command('forward')
    .description('run a local DNS forwarder with the cache and forwarding rules of dnsmasq 2.90 (dnsmasq argv after --)')
    .option('--manifest <file>', 'take the dnsmasq arguments from this kube-dns manifest (`-`: standard input)')
    .option('--upstream <addr#port>', 'use this server instead of the default (non-domain) servers; repeatable', collect, [])
    .argument('[args...]', 'dnsmasq arguments, after --')
    .action(async (args: string[], opts: ForwardOptions) => {
      process.exitCode = await runForward(args, opts);
    });
}

function fail(message: string): number {
  process.stderr.write(`kube-dns-tools forward: ${message}\n`);
  return 2;
}

async function runForward(args: string[], opts: ForwardOptions): Promise<number> {
  let words: string[];
  try {
    const argv = await forwardArgv(opts.manifest, args);
    words = argv.words;
    for (const note of argv.notes) process.stderr.write(`kube-dns-tools forward: ${note}\n`);
  } catch (e) {
    return fail((e as Error).message);
  }
  // Handlers first: start() logs "started" before its last await, and a SIGTERM sent on that line (as
  // supervisors and tests do) must still stop the forwarder cleanly rather than kill the process.
  let stopWith: ((signal: string) => void) | undefined;
  let early: string | undefined;
  const onSignal = (signal: string): void => (stopWith ? stopWith(signal) : void (early ??= signal));
  process.on('SIGINT', () => onSignal('SIGINT'));
  process.on('SIGTERM', () => onSignal('SIGTERM'));
  let forwarder: Forwarder;
  try {
    forwarder = await startForwarder(words, {
      upstreams: opts.upstream,
      warn: (w) => process.stderr.write(`kube-dns-tools forward: warning: ${w}\n`),
    });
  } catch (e) {
    return fail((e as Error).message);
  }
  return new Promise<number>((resolve) => {
    let stopping = false;
    const stop = (signal: string): void => {
      if (stopping) return;
      stopping = true;
      forwarder.log.always(`exiting on receipt of ${signal}`);
      void forwarder.stop().then(() => resolve(0), () => resolve(0));
    };
    stopWith = stop;
    if (early) stop(early);
  });
}
