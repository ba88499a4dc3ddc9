// The in-flight table: records by forward ID, by question (the latest forward of a question), and for sweeps.
import { describe, expect, it } from 'vitest';
import { PendingTable, questionHash, type Forward } from '../../src/dns/pending.js';
import type { ServerGroup } from '../../src/dns/upstreams.js';

const group = { inFlight: 0 } as unknown as ServerGroup;

function record(id: number, key: string, qtype = 1, rdcd = 0x100, createdMs = 0): Forward {
  return {
    id, rdcd, hash: questionHash(key, qtype, 1, rdcd), slot: -1, indexed: false, key, spelled: key, qtype, qclass: 1,
    flags: 0, query: Buffer.alloc(0), queryLength: 0, qEnd: 0, group, socketIndex: -1, socketIndex6: -1, mode: 'single', strictIndex: 0,
    retried: false, sent: [], replied: [], lastTargets: [], waiters: [], createdMs, lastSentMs: createdMs, counted: false, done: false, timer: undefined, serial: 0,
    clientAddress: '', clientPort: 0, liveAt: -1,
  };
}

const find = (t: PendingTable, f: Forward): Forward | undefined => t.findQuestion(f.hash, f.key, f.qtype, f.qclass, f.rdcd);

/** Names whose questions fall in the same index bucket as `key`'s (the index has 1,024 buckets). */
function sameBucket(key: string, count: number): string[] {
  const want = questionHash(key, 1, 1, 0x100) & 1023;
  const out: string[] = [];
  for (let i = 0; out.length < count; i++) {
    const k = `n${i}.example`;
    if (k !== key && (questionHash(k, 1, 1, 0x100) & 1023) === want) out.push(k);
  }
  return out;
}

describe('PendingTable', () => {
  it('finds a record by ID and by question (name, type, class, RD/CD bits) until it is removed', () => {
    const t = new PendingTable();
    const f = record(7, 'a.example');
    t.add(f);
    expect(t.get(7)).toBe(f);
    expect(find(t, f)).toBe(f);
    expect(find(t, record(8, 'a.example', 28))).toBeUndefined();
    expect(find(t, record(8, 'a.example', 1, 0))).toBeUndefined();
    expect(t.size).toBe(1);
    t.remove(f);
    expect(t.get(7)).toBeUndefined();
    expect(find(t, f)).toBeUndefined();
    expect(t.size).toBe(0);
  });

  it('indexes only the latest forward of a question; the older one stays live but is not found again', () => {
    const t = new PendingTable();
    const older = record(1, 'a.example');
    const newer = record(2, 'a.example');
    t.add(older);
    t.add(newer);
    expect(find(t, older)).toBe(newer);
    t.remove(newer);
    expect(find(t, older)).toBeUndefined();
    expect(t.get(1)).toBe(older);
    expect(t.size).toBe(1);
  });

  it('keeps the other questions of a bucket when one in the middle of its chain is removed', () => {
    const t = new PendingTable();
    const keys = ['a.example', ...sameBucket('a.example', 3)];
    const records = keys.map((k, i) => record(100 + i, k));
    for (const r of records) t.add(r);
    t.remove(records[2]!);
    expect(find(t, records[2]!)).toBeUndefined();
    for (const i of [0, 1, 3]) expect(find(t, records[i]!)).toBe(records[i]);
  });

  it('sweeps records past their lifetime and keeps the rest findable', () => {
    const t = new PendingTable();
    const old = [record(1, 'a.example', 1, 0x100, 0), record(2, 'b.example', 1, 0x100, 0)];
    const young = record(3, 'c.example', 1, 0x100, 39_000);
    for (const r of [old[0]!, young, old[1]!]) t.add(r);
    const discarded = t.sweep(40_000);
    expect(new Set(discarded)).toEqual(new Set(old));
    expect(t.size).toBe(1);
    expect(t.get(3)).toBe(young);
    expect(find(t, young)).toBe(young);
  });

  it('finds each record by ID among others of the same ID bucket, whichever goes first', () => {
    const t = new PendingTable();
    const records = [5, 5 + 1024, 5 + 2048, 5 + 4096].map((id, i) => record(id, `r${i}.example`));
    for (const r of records) t.add(r);
    t.remove(records[1]!);
    t.remove(records[3]!);
    expect(t.get(5 + 1024)).toBeUndefined();
    expect(t.get(5 + 4096)).toBeUndefined();
    expect(t.get(5)).toBe(records[0]);
    expect(t.get(5 + 2048)).toBe(records[2]);
    expect(t.get(6)).toBeUndefined();
  });

  it('hands out IDs not in use', () => {
    const t = new PendingTable();
    for (let id = 0; id < 65_536; id++) if (id !== 4242) t.add(record(id, `n${id}.example`));
    expect(t.freshId()).toBe(4242);
  });
});
