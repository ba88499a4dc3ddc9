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

describe('toForwarderConfig: --min-port and --max-port', () => {
  it('leaves the source port to the kernel without either, and keeps the other end at 1024 or 65535 with one (dnsmasq 2.90, measured)', () => {
    expect(configOf().sourcePorts).toBeUndefined();
    expect(configOf('--min-port=60000').sourcePorts).toEqual({ min: 60000, max: 65535 });
    expect(configOf('--max-port=2000').sourcePorts).toEqual({ min: 1024, max: 2000 });
    expect(configOf('--min-port=5000', '--max-port=5000').sourcePorts).toEqual({ min: 5000, max: 5000 });
  });

  it('refuses a maximum below the minimum, as dnsmasq does not start with it', () => {
    expect(() => configOf('--min-port=5000', '--max-port=4000')).toThrow(ConfigError);
    expect(() => configOf('--min-port=5000', '--max-port=4000')).toThrow('max_port cannot be smaller than min_port (--min-port=5000, --max-port=4000)');
  });

  it('no longer warns that the options are ignored', () => {
    const { warnings } = toForwarderConfig(parseArgv(['--no-resolv', '--server=127.0.0.1#5300', '--min-port=2000', '--max-port=3000']));
    expect(warnings.filter((w) => w.includes('port'))).toEqual([]);
  });
});
