import { describe, expect, it } from 'vitest';
import { parseArgv } from '../dnsmasq/argv/argv.js';
import { toForwarderConfig } from '../dnsmasq/config.js';
import { configUpstreams } from './config-upstreams.js';
import { isLoopback, mapServers, sidecarLines } from './server-map.js';

const config = toForwarderConfig(parseArgv(['--server=/cluster.local/127.0.0.1#10053', '--server=10.36.8.40'])).config;

describe('sidecar routes', () => {
  it('knows loopback addresses', () => {
    expect(['127.0.0.1', '127.5.6.7', '::1', '0:0:0:0:0:0:0:1', '::ffff:127.0.0.1'].every(isLoopback)).toBe(true);
    expect(['10.36.8.40', '128.0.0.1', '::2', 'fe80::1', '1.127.0.0'].some(isLoopback)).toBe(false);
  });

  it('says in one line that the sidecar route may not answer, unless it is mapped', () => {
    expect(sidecarLines(config, 'map it')).toEqual(['cluster.local is routed to 127.0.0.1#10053, a sidecar in the pod that may not answer on this machine; map it']);
    expect(sidecarLines(config, 'map it', { '127.0.0.1#10053': '127.0.0.1#15353' })).toEqual([]);
  });

  it('maps a server everywhere it is used, and names a bad entry', () => {
    const mapped = mapServers(config, { '127.0.0.1#10053': '127.0.0.1#15353', '10.36.8.40': '127.0.0.1#5300' });
    expect(configUpstreams(mapped).map((u) => u.key)).toEqual(['127.0.0.1#5300', '127.0.0.1#15353']);
    expect(() => mapServers(config, { '127.0.0.1:10053': '127.0.0.1' })).toThrow(/"127\.0\.0\.1:10053"/);
  });
});
