import dgram from 'node:dgram';
import { afterEach, describe, expect, it } from 'vitest';
import { parseTarget } from '@kube-dns-tools/core/probe';
import { probeWithConsent } from '../probe/probe-with-consent.js';
import { ConsentStore, serverKey, type ConsentHost } from './consent-store.js';

/** A host whose settings live in memory and whose user answers from a script. */
function host(answers: boolean[], approved: string[] = []): ConsentHost & { questions: string[]; list: string[] } {
  const state = { questions: [] as string[], list: [...approved] };
  return Object.assign(state, {
    approved: () => state.list,
    store: async (servers: readonly string[]) => {
      state.list = [...servers];
    },
    ask: async (question: string) => {
      state.questions.push(question);
      return answers.shift() ?? false;
    },
  });
}

/** A loopback UDP socket that counts the datagrams it gets and never answers. */
async function silentServer(): Promise<{ key: string; received: () => number; close: () => Promise<void> }> {
  const socket = dgram.createSocket('udp4');
  let received = 0;
  socket.on('message', () => received++);
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  return { key: `127.0.0.1#${socket.address().port}`, received: () => received, close: () => new Promise((r) => socket.close(() => r())) };
}

describe('ConsentStore', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });

  it('approves: asks once, naming the servers, and remembers them', async () => {
    const h = host([true]);
    const store = new ConsentStore(h);
    expect(await store.allow(['10.36.8.40', '10.36.8.41#53'], (pending) => `send to ${pending.join(' and ')}?`, 'Probe')).toBe(true);
    expect(h.questions).toEqual(['send to 10.36.8.40#53 and 10.36.8.41#53?']);
    expect(h.list).toEqual(['10.36.8.40#53', '10.36.8.41#53']);
    expect(await store.allow(['10.36.8.40#53'], () => 'again?', 'Probe')).toBe(true);
    expect(h.questions).toHaveLength(1);
  });

  it('remembers per stored list: a new store over the same settings does not ask again; only new servers are asked about', async () => {
    const h = host([true], ['10.36.8.40#53']);
    const store = new ConsentStore(h);
    expect(store.isApproved('10.36.8.40')).toBe(true);
    expect(await store.allow(['10.36.8.40', '127.0.0.1#10053'], (pending) => pending.join(','), 'Run')).toBe(true);
    expect(h.questions).toEqual(['127.0.0.1#10053']);
  });

  it('revokes: a removed server is asked about again, and a declined one is not stored', async () => {
    const h = host([false], ['10.36.8.40#53', '127.0.0.1#53']);
    const store = new ConsentStore(h);
    expect(await store.revoke('10.36.8.40')).toBe(true);
    expect(await store.revoke('10.36.8.40')).toBe(false);
    expect(h.list).toEqual(['127.0.0.1#53']);
    expect(await store.allow(['10.36.8.40'], () => 'send?', 'Probe')).toBe(false);
    expect(h.list).toEqual(['127.0.0.1#53']);
  });

  it('never sends before approval: a declined probe sends no datagram, an approved one does', async () => {
    const server = await silentServer();
    cleanups.push(server.close);
    const h = host([false, true]);
    const store = new ConsentStore(h);
    const options = { servers: [parseTarget(server.key)], names: ['repo1.maven.org'], count: 2, timeoutMs: 50, intervalMs: 0 };
    expect(await probeWithConsent(store, options)).toBeUndefined();
    await new Promise((r) => setTimeout(r, 50));
    expect(server.received()).toBe(0);
    expect(h.questions).toEqual([`Send 2 queries for repo1.maven.org (A) to ${server.key} from this machine?`]);
    const report = await probeWithConsent(store, options);
    expect(report?.upstreams[0]?.verdict).toBe('down');
    expect(server.received()).toBe(2);
    expect(h.list).toEqual([server.key]);
  });

  it('normalises server spellings', () => {
    expect(serverKey(' 10.36.8.40 ')).toBe('10.36.8.40#53');
    expect(serverKey('::1#5353')).toBe('::1#5353');
  });
});
