import { describe, expect, it } from 'vitest';
import { RunLock } from './run-lock.js';

const tick = (ms = 5) => new Promise((r) => setTimeout(r, ms));

describe('RunLock', () => {
  it('runs shared work together and exclusive work alone', async () => {
    const lock = new RunLock();
    const events: string[] = [];
    let running = 0;
    let maxWithExclusive = 0;
    const shared = (name: string) =>
      lock.shared(async () => {
        running++;
        events.push(`+${name}`);
        await tick(20);
        running--;
      });
    const exclusive = (name: string) =>
      lock.exclusive(async () => {
        running++;
        maxWithExclusive = Math.max(maxWithExclusive, running);
        events.push(`+${name}`);
        await tick(10);
        running--;
      });
    const all = [shared('a'), shared('b')];
    await tick(1);
    all.push(exclusive('X'), shared('c'), exclusive('Y'));
    await Promise.all(all);
    expect(maxWithExclusive).toBe(1);
    expect(events.slice(0, 2).sort()).toEqual(['+a', '+b']);
    expect(events.indexOf('+X')).toBeLessThan(events.indexOf('+c'));
    expect(events).toHaveLength(5);
  });
});
