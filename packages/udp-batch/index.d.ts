/** Native recvmmsg/sendmmsg; see src/udp_batch.c for the buffer layout. */
export interface UdpBatchBinding {
  /** Datagrams read into `data` slots, continued in `tail` slots if given (0: none waiting), or -errno. Never blocks. */
  recv(fd: number, data: Buffer, slot: number, lens: Int32Array, addrs: Buffer, tail?: Buffer, tailSlot?: number): number;
  /** Sends slot i (i < count, lens[i] > 0) to address slot i; returns how many were sent. */
  send(fd: number, data: Buffer, slot: number, lens: Int32Array, addrs: Buffer, count: number): number;
  /** One datagram (the first `length` bytes of `data`, default all) to the raw sockaddr in `addr` (28 bytes); bytes sent or -errno. Never blocks. */
  sendTo(fd: number, data: Buffer, addr: Buffer, length?: number): number;
  /** Address slot `index` as text, as Node's rinfo.address spells it. */
  ntop(addrs: Buffer, index: number): string;
  /** Calls `callback` whenever `fd` is readable (a libuv poll on Node's loop), until `unwatch`. Nothing else may read fd meanwhile. */
  watch(fd: number, callback: () => void): unknown;
  /** Stops a watch; safe to call twice. */
  unwatch(watch: unknown): void;
  /** glibc's M_ARENA_MAX: threads allocating from now on share at most `n` malloc arenas. */
  limitMallocArenas(n: number): boolean;
  /** glibc's M_MMAP_THRESHOLD: allocations of at least `bytes` get their own mapping, returned when freed. */
  mmapThreshold(bytes: number): boolean;
  /** The most datagrams one call moves. */
  readonly maxBatch: number;
  /** Bytes per address slot (sizeof struct sockaddr_in6). */
  readonly addrSlot: number;
}

export const udpBatch: UdpBatchBinding | undefined;
