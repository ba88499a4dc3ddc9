// The first step of every forwarder start-up, in every face: the words as dnsmasq reads them, or dnsmasq's refusal.
import { parseArgv } from '../dnsmasq/argv/argv.js';
import { checkArgv } from '../dnsmasq/check.js';
import type { ParsedArgv } from '../dnsmasq/argv/parsed-argv.js';

/** A start-up that failed: `argv` when dnsmasq would refuse the words, `start` otherwise (config, sockets). */
export class ForwarderStartError extends Error {
  constructor(
    message: string,
    readonly stage: 'argv' | 'start',
  ) {
    super(message);
  }
}

/** The parsed words; throws a one-line ForwarderStartError (stage `argv`) when dnsmasq would refuse them. */
export function checkedArgv(words: readonly string[]): ParsedArgv {
  const parsed = parseArgv([...words]);
  const verdict = checkArgv([...words], { parsed });
  if (!verdict.ok) {
    throw new ForwarderStartError(`dnsmasq would refuse this argv: ${verdict.message}${verdict.token ? ` (at ${JSON.stringify(verdict.token)})` : ''}`, 'argv');
  }
  return parsed;
}
