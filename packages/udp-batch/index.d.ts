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
  /** A non-blocking UDP socket of `family` bound to `port` on the wildcard address (0: the kernel picks); its fd, or -errno. */
  openUdp(family: 4 | 6, port: number): number;
  /** The local port `fd` is bound to, or -errno. */
  localPort(fd: number): number;
  /** Closes a descriptor from `openUdp` or `pollSet` (taking it out of any set); 0 or -errno. */
  closeFd(fd: number): number;
  /** A new epoll set (watch its fd to learn when any member is readable); its fd, or -errno. */
  pollSet(): number;
  /** Adds `fd` to `set`; 0 or -errno. */
  pollAdd(set: number, fd: number): number;
  /** Reads what the ready members of `set` hold into consecutive slots, fds[i] naming datagram i's socket; count (0: none) or -errno. Never blocks. */
  recvReady(set: number, data: Buffer, slot: number, lens: Int32Array, addrs: Buffer, fds: Int32Array, tail: Buffer, tailSlot: number): number;
  /**
   * One forward's start in one call: a fresh socket of `family` bound to `port`, added to `set`, sending the first
   * `length` bytes of `data` to the raw sockaddr `addr`; its fd, or -errno when it could not be opened (-98:
   * the port is taken, try another). The send's outcome is not reported (UDP may lose a datagram anyway).
   */
  openSend(set: number, family: 4 | 6, port: number, data: Buffer, length: number, addr: Buffer): number;
  /** Closes the first `count` descriptors of `fds` (negative ones skipped) in one call; how many closed. */
  closeFds(fds: Int32Array, count: number): number;
  /**
   * Forward sockets through io_uring (absent from bindings built before it): a ring holding at most `slots`
   * sockets open at once, each reply read into `recvSize` bytes; -errno where io_uring cannot be used (ENOSYS,
   * EPERM under seccomp or kernel.io_uring_disabled): then use openSend and an epoll set.
   */
  ringOpen?(slots: number, recvSize: number): UdpBatchRing | number;
  /** The ring's eventfd: readable when completions wait (`watch` it, then `ringReap`). */
  ringEventFd?(ring: UdpBatchRing): number;
  /**
   * Queues one forward's start: a fresh socket of `family` in a free slot, the send of `length` bytes of `data` to
   * the raw sockaddr `addr` (binding it to the kernel's random port) and the wait for its reply; the slot, -1 when
   * every slot is taken, or -errno. Nothing reaches the kernel before `ringSubmit` or `ringReap`.
   */
  ringForward?(ring: UdpBatchRing, family: 4 | 6, data: Buffer, length: number, addr: Buffer): number;
  /** Queues another send from open slot `slot`'s socket; 0 or -errno. */
  ringSend?(ring: UdpBatchRing, slot: number, data: Buffer, length: number, addr: Buffer): number;
  /** Waits again for a datagram on `slot`'s socket (its last one was rejected and the forward goes on); 0 or -errno. */
  ringRearm?(ring: UdpBatchRing, slot: number): number;
  /** The forward on `slot` is over: queues the end of its wait and the close of its socket; the slot is free again. */
  ringRelease?(ring: UdpBatchRing, slot: number): void;
  /** Hands everything queued to the kernel in one system call; entries submitted, or -errno. */
  ringSubmit?(ring: UdpBatchRing): number;
  /** Submits, then copies waiting replies into batch slots as recvReady does, slots[i] naming datagram i's ring slot; count (0: none) or -errno. Never blocks. */
  ringReap?(ring: UdpBatchRing, data: Buffer, slot: number, lens: Int32Array, addrs: Buffer, slots: Int32Array, tail: Buffer, tailSlot: number): number;
  /** Closes the ring and every socket it holds; idempotent. */
  ringClose?(ring: UdpBatchRing): void;
  /** The most datagrams one call moves. */
  readonly maxBatch: number;
  /** Bytes per address slot (sizeof struct sockaddr_in6). */
  readonly addrSlot: number;
}

/** An io_uring instance for forward sockets (opaque). */
export type UdpBatchRing = { readonly __ring: unique symbol };

export const udpBatch: UdpBatchBinding | undefined;
