import { describe, expect, it } from 'vitest';
import { parseArgv } from './argv/argv.js';
import { ConfigError, toForwarderConfig } from './config.js';

const configOf = (...args: string[]) => toForwarderConfig(parseArgv(['--no-resolv', '--server=127.0.0.1#5300', ...args])).config;

describe('toForwarderConfig: --dns-forward-max', () => {
  it('reads the value as dnsmasq does: 0 and -1 refuse every forward, lower values do not start', () => {
    expect(configOf('--dns-forward-max=20').forwarding.forwardMax).toBe(20);
    expect(configOf('--dns-forward-max=4294967296').forwarding.forwardMax).toBe(0);
    expect(configOf('--dns-forward-max=99999999999999999999').forwarding.forwardMax).toBe(-1);
    expect(() => configOf('--dns-forward-max=2147483648')).toThrow(ConfigError);
    expect(() => configOf('--dns-forward-max=4294967294')).toThrow(/reads as -2: dnsmasq stops at start-up with "could not get memory"/);
  });
});
