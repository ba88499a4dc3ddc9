import { describe, expect, it } from 'vitest';
import { parseArgv } from '../dnsmasq/argv/argv.js';
import { toForwarderConfig } from '../dnsmasq/config.js';
import { configUpstreams } from './config-upstreams.js';

const configOf = (words: string[], upstreams: string[] = []) => toForwarderConfig(parseArgv(words), { upstreams }).config;

describe('configUpstreams', () => {
  it('lists each server once with the domains routed to it, default servers first', () => {
    const config = configOf(['--server=/cluster.local/127.0.0.1#10053', '--server=/in-addr.arpa/127.0.0.1#10053', '--server=10.36.8.40', '--rev-server=10.0.0.0/8,10.36.8.41#5353']);
    expect(configUpstreams(config).map((u) => [u.key, u.domains])).toEqual([
      ['10.36.8.40#53', ['']],
      ['127.0.0.1#10053', ['cluster.local', 'in-addr.arpa']],
      ['10.36.8.41#5353', ['10.in-addr.arpa']],
    ]);
  });

  it('follows the upstreams that replace the default servers', () => {
    expect(configUpstreams(configOf(['--server=10.36.8.40'], ['127.0.0.1#5300'])).map((u) => u.key)).toEqual(['127.0.0.1#5300']);
  });
});
