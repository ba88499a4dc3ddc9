/**
 * The in-flight table: one record per forwarded question, found by its random forward ID (replies) and by its
 * question (merging identical queries, spotting client retransmissions). Bounded in records and waiters.
 */
import { random16 } from './random-ids.js';
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
  mergeKey: string;
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
  /** The pool sockets it left from: one for IPv4 servers, one for IPv6 servers (-1: none yet). */
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
  /** Still counted in the group's `--dns-forward-max` budget (younger than 10 s). */
  counted: boolean;
  done: boolean;
  timer: NodeJS.Timeout | undefined;
  /** Serial and client of the query that started it, for reply lines in extra mode. */
  serial: number;
  clientAddress: string;
  clientPort: number;
}

const NO_TARGETS: number[] = [];

/** Finished records kept for reuse, at most. */
const MAX_SPARE = 1024;

export const MAX_WAITERS = 64;
/** Forward records are discarded when unanswered this long. */
export const FORWARD_LIFETIME_MS = 40_000;
/** After this they no longer count against `--dns-forward-max`. */
export const FORWARD_COUNTED_MS = 10_000;
/** Identical questions from other clients are merged into a forward this young. */
export const MERGE_WINDOW_MS = 2_000;

export class PendingTable {
  readonly byId = new Map<number, Forward>();
  private readonly byQuestion = new Map<string, Forward>();
  private readonly spare: Forward[] = [];

  constructor(readonly capacity: number = 16_384) {}

  get size(): number {
    return this.byId.size;
  }

  get full(): boolean {
    return this.byId.size >= this.capacity;
  }

  /** A forward ID not in use. */
  freshId(): number {
    for (;;) {
      const id = random16();
      if (!this.byId.has(id)) return id;
    }
  }

  findQuestion(mergeKey: string): Forward | undefined {
    return this.byQuestion.get(mergeKey);
  }

  add(f: Forward): void {
    this.byId.set(f.id, f);
    this.byQuestion.set(f.mergeKey, f);
  }

  remove(f: Forward): void {
    f.done = true;
    if (f.timer) clearTimeout(f.timer);
    f.timer = undefined;
    if (f.counted) {
      f.counted = false;
      f.group.inFlight--;
    }
    if (this.byId.get(f.id) === f) this.byId.delete(f.id);
    if (this.byQuestion.get(f.mergeKey) === f) this.byQuestion.delete(f.mergeKey);
  }

  /** Ages records: stop counting after 10 s, discard after 40 s. Returns the discarded ones. */
  sweep(nowMs: number): Forward[] {
    const discarded: Forward[] = [];
    for (const f of this.byId.values()) {
      const age = nowMs - f.createdMs;
      if (age >= FORWARD_LIFETIME_MS) {
        this.remove(f);
        discarded.push(f);
      }
      else if (age >= FORWARD_COUNTED_MS && f.counted) {
        f.counted = false;
        f.group.inFlight--;
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
    for (const f of [...this.byId.values()]) this.remove(f);
  }
}
