import { describe, expect, it } from 'vitest';
import { ServerGroup } from '../../src/dns/upstreams.js';

const opts = { strictOrder: false, allServers: false, forwardMax: 150, fastRetry: undefined };
const group = () =>
  new ServerGroup(
    [
      { address: '127.0.0.1', port: 1, family: 4 },
      { address: '127.0.0.1', port: 2, family: 4 },
    ],
    undefined,
  );

describe('server choice', () => {
  it('probes all servers first, then every query after more than 50, then sticks to the last good one', () => {
    const g = group();
    const modes: string[] = [];
    for (let i = 1; i <= 55; i++) {
      const c = g.choose(0, opts);
      modes.push(c.mode);
      g.noteReply(1, 0);
    }
    expect(modes[0]).toBe('all');
    expect(modes.slice(1, 52).every((m) => m === 'single')).toBe(true);
    expect(modes[52]).toBe('all');
    expect(modes[53]).toBe('single');
  });

  it('probes again after 20 s', () => {
    const g = group();
    g.choose(0, opts);
    g.noteReply(0, 0);
    expect(g.choose(10_000, opts).mode).toBe('single');
    expect(g.choose(20_001, opts).mode).toBe('all');
  });

  it('SERVFAIL counts as good, REFUSED from the last good server resets the choice', () => {
    const g = group();
    g.choose(0, opts);
    g.noteReply(1, 2);
    expect(g.choose(1, opts)).toEqual({ targets: [1], mode: 'single' });
    g.noteReply(1, 5);
    expect(g.choose(2, opts).mode).toBe('all');
  });

  it('strict order and all-servers', () => {
    expect(group().choose(0, { ...opts, strictOrder: true })).toEqual({ targets: [0], mode: 'strict' });
    expect(group().choose(0, { ...opts, allServers: true })).toEqual({ targets: [0, 1], mode: 'all' });
  });
});
