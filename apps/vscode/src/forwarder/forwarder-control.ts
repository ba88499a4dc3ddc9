// The small control channel between the extension and its forwarder process: JSON messages over the IPC pipe
// that `fork` opens. Requests carry an id; each gets exactly one reply with the same id.
import type { Forwarder } from '@kube-dns-tools/core/dns';
import { cacheEntries, forwarderStats, type CacheEntry, type ForwarderStats } from '@kube-dns-tools/core/runtime';

export type ControlOp = 'stats' | 'cache' | 'flush';

export interface ControlRequest {
  readonly id: number;
  readonly op: ControlOp;
}

export interface ControlReply {
  readonly id: number;
  readonly stats?: ForwarderStats;
  readonly entries?: CacheEntry[];
  readonly error?: string;
}

/** What the extension sends to start the process (its argv[2], as JSON). */
export interface ForwarderRequest {
  words: string[];
  /** Replace the default (non-domain) servers. */
  upstreams: string[];
  port: number;
  /** Servers the user approved; the process refuses to start when the config sends anywhere else. */
  approved?: string[];
  /** `{"127.0.0.1#10053": "127.0.0.1#15353"}`: servers swapped everywhere in the config. */
  serverMap?: Record<string, string>;
  /** Log every query (as `--log-queries`), whatever the manifest says. */
  logQueries?: boolean;
}

export function isControlRequest(message: unknown): message is ControlRequest {
  const m = message as ControlRequest | null;
  return typeof m === 'object' && m !== null && typeof m.id === 'number' && (m.op === 'stats' || m.op === 'cache' || m.op === 'flush');
}

export function answerControl(forwarder: Forwarder, request: ControlRequest, nowMs: number): ControlReply {
  switch (request.op) {
    case 'stats':
      return { id: request.id, stats: forwarderStats(forwarder, nowMs) };
    case 'cache':
      return { id: request.id, entries: cacheEntries(forwarder.cache, nowMs), stats: forwarderStats(forwarder, nowMs) };
    case 'flush':
      forwarder.cache.clear();
      forwarder.log.always('cache cleared');
      return { id: request.id, stats: forwarderStats(forwarder, nowMs) };
  }
}
