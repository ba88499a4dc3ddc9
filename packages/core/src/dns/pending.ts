/**
 * The in-flight table: one record per forwarded question, found by its random forward ID (replies) and by its
 * question (merging identical queries, spotting client retransmissions). Bounded in records and waiters.
 */
import { fnv1a, fnvMix } from './cache/name-hash.js';
import { random16 } from './random-ids.js';
import { SlotIndex } from './cache/slot-index.js';
import type { SendMode, ServerGroup } from './upstreams.js';

/** A client waiting for the answer to a forward. */
export interface Waiter {
  readonly address: string;
  readonly port: number;
  readonly id: number;
  /** EDNS UDP size to answer with (--edns-packet-max), 0 when the query had no OPT record. */
  readonly optSize: number;
  /** Serial of the client's latest query line (`--log-queries=extra`). */
  serial: number;
  /** Sends the answer back (UDP socket or TCP connection). */
  readonly send: (buf: Buffer) => void;
}

/**
 * A forward in flight. Records are recycled (see `PendingTable.recycle`): under load thousands live for a
 * few milliseconds each, and allocating them made V8 promote and later mark-compact most of them.
 */
export interface Forward {
  id: number;
  /** The RD and CD bits of the query: questions merge only when these match too. */
  rdcd: number;
  /** `questionHash` of key, type, class and rdcd. */
  hash: number;
  /** Its slot in the table's indexes while it is in the table (-1: not in it). */
  slot: number;
  /** Found by its question (false once a newer forward of the same question took its place, or when removed). */
  indexed: boolean;
  key: string;
  spelled: string;
  qtype: number;
  qclass: number;
  flags: number;
  /** The client's query with our forward ID, in the first `queryLength` bytes (the buffer is the record's own). */
  query: Buffer;
  queryLength: number;
  qEnd: number;
  group: ServerGroup;
  /** Handles of its own sockets: one for IPv4 servers, one for IPv6 servers (-1: none yet). */
  socketIndex: number;
  socketIndex6: number;
  mode: SendMode;
  strictIndex: number;
  retried: boolean;
  /** Per server of the group: 1 once the query went to it / it replied. */
  sent: number[];
  replied: number[];
  lastTargets: number[];
  readonly waiters: Waiter[];
  createdMs: number;
  /** When it was last sent (a new client's question re-sends it after MERGE_WINDOW_MS). */
  lastSentMs: number;
  /** Still counted in the group's `--dns-forward-max` budget (younger than 10 s). */
  counted: boolean;
  done: boolean;
  timer: NodeJS.Timeout | undefined;
  /** Serial and client of the query that started it, for reply lines in extra mode. */
  serial: number;
  clientAddress: string;
  clientPort: number;
  /** Its place in the table's list of live records (-1 when not in the table). */
  liveAt: number;
}

const NO_TARGETS: number[] = [];

/** Finished records kept for reuse, at most. */
const MAX_SPARE = 1024;

export const MAX_WAITERS = 64;
/** Forward records are discarded when unanswered this long. */
export const FORWARD_LIFETIME_MS = 40_000;
/** After this they no longer count against `--dns-forward-max`. */
export const FORWARD_COUNTED_MS = 10_000;
/** A new client's identical question re-sends a forward last sent this long ago (it is merged either way). */
export const MERGE_WINDOW_MS = 2_000;

/** Slots the indexes start with: in flight are a few hundred forwards at most under load, 16,384 at the very worst. */
const FIRST_SLOTS = 1024;

/** A hash of the name, type, class and the RD/CD bits. */
export function questionHash(key: string, qtype: number, qclass: number, rdcd: number): number {
  return fnvMix(fnvMix(fnvMix(fnv1a(key), qtype), qclass), rdcd);
}

/**
 * Records are found by ID and by question in two slot indexes (a record holds a slot while it is in the table),
 * and listed densely for sweeps. Maps here were rebuilt by V8 as entries came and went, and the question key was
 * a string built per forward: a few hundred bytes of garbage per forward in all.
 */
export class PendingTable {
  private readonly byId = new SlotIndex(FIRST_SLOTS);
  private readonly byQuestion = new SlotIndex(FIRST_SLOTS);
  /** slot -> its record. */
  private readonly records: (Forward | undefined)[] = [];
  private readonly freeSlots: number[] = [];
  private readonly live: Forward[] = [];
  private readonly spare: Forward[] = [];

  constructor(readonly capacity: number = 16_384) {}

  get size(): number {
    return this.live.length;
  }

  get full(): boolean {
    return this.live.length >= this.capacity;
  }

  /** The live record with forward ID `id`. */
  get(id: number): Forward | undefined {
    for (let s = this.byId.first(id); s >= 0; s = this.byId.next(s)) {
      const f = this.records[s]!;
      if (f.id === id) return f;
    }
    return undefined;
  }

  /** A forward ID not in use. */
  freshId(): number {
    for (;;) {
      const id = random16();
      if (this.get(id) === undefined) return id;
    }
  }

  /** The latest forward of this question (`hash` from `questionHash`). */
  findQuestion(hash: number, key: string, qtype: number, qclass: number, rdcd: number): Forward | undefined {
    for (let s = this.byQuestion.first(hash); s >= 0; s = this.byQuestion.next(s)) {
      const f = this.records[s]!;
      if (f.hash === hash && f.key === key && f.qtype === qtype && f.qclass === qclass && f.rdcd === rdcd) return f;
    }
    return undefined;
  }

  /**
   * Adds `f` (its `hash` set); it replaces `older`, the forward of the same question in the question index
   * (null: there is none; left out: looked up here).
   */
  add(f: Forward, older: Forward | null = this.findQuestion(f.hash, f.key, f.qtype, f.qclass, f.rdcd) ?? null): void {
    const slot = this.freeSlots.pop() ?? this.records.length;
    if (slot >= this.byId.slots) {
      this.byId.grow(this.byId.slots * 2);
      this.byQuestion.grow(this.byQuestion.slots * 2);
    }
    f.slot = slot;
    this.records[slot] = f;
    this.byId.insert(slot, f.id);
    f.liveAt = this.live.push(f) - 1;
    if (older) this.unindex(older);
    this.byQuestion.insert(slot, f.hash);
    f.indexed = true;
  }

  private unindex(f: Forward): void {
    if (!f.indexed) return;
    f.indexed = false;
    this.byQuestion.remove(f.slot);
  }

  remove(f: Forward): void {
    f.done = true;
    if (f.timer) clearTimeout(f.timer);
    f.timer = undefined;
    if (f.counted) {
      f.counted = false;
      f.group.inFlight--;
    }
    if (f.liveAt >= 0) this.byId.remove(f.slot);
    if (f.liveAt >= 0 && this.live[f.liveAt] === f) {
      const last = this.live.pop()!;
      if (last !== f) {
        this.live[f.liveAt] = last;
        last.liveAt = f.liveAt;
      }
    }
    f.liveAt = -1;
    this.unindex(f);
    if (f.slot >= 0) {
      this.records[f.slot] = undefined;
      this.freeSlots.push(f.slot);
      f.slot = -1;
    }
  }

  /**
   * Ages records: stop counting after 10 s (`onUncounted` then sees them), discard after 40 s. Returns the
   * discarded ones.
   */
  sweep(nowMs: number, onUncounted?: (f: Forward) => void): Forward[] {
    const discarded: Forward[] = [];
    // Backwards: removing a record moves the last one into its place.
    for (let i = this.live.length - 1; i >= 0; i--) {
      const f = this.live[i]!;
      const age = nowMs - f.createdMs;
      if (age >= FORWARD_LIFETIME_MS) {
        this.remove(f);
        discarded.push(f);
      }
      else if (age >= FORWARD_COUNTED_MS && f.counted) {
        f.counted = false;
        f.group.inFlight--;
        onUncounted?.(f);
      }
    }
    return discarded;
  }

  /** A finished record to fill again, if one is kept. */
  takeSpare(): Forward | undefined {
    return this.spare.pop();
  }

  /** Keeps a finished record for a later forward; the caller holds no reference to it any more. */
  recycle(f: Forward): void {
    if (!f.done || this.spare.length >= MAX_SPARE) return;
    f.waiters.length = 0;
    f.lastTargets = NO_TARGETS;
    this.spare.push(f);
  }

  clear(): void {
    for (const f of [...this.live]) this.remove(f);
  }
}
