// The native binding over real loopback sockets. Node's own reader runs only between ticks, so what a test
// sends and then reads within one tick is read by recvmmsg, not by node:dgram.
import assert from 'node:assert/strict';
import dgram from 'node:dgram';
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { after, describe, it } from 'node:test';
import pkg from '../index.js';

const { udpBatch } = pkg;
const skip = udpBatch === undefined ? 'binding not built (no C compiler or not Linux)' : false;
const SLOT = 512;
const open = [];
after(() => Promise.all(open.map((s) => new Promise((r) => s.close(r)))));

// Sends to an IP literal go out synchronously only with a synchronous lookup (the default one defers a tick).
const literal = (address, _options, callback) => callback(null, address, address.includes(':') ? 6 : 4);

async function bound(type, address) {
  const sock = dgram.createSocket({ type, lookup: literal });
  await new Promise((r) => sock.bind(0, address, r));
  open.push(sock);
  return sock;
}

/**
 * Whether a UDP socket of this process is bound to `port` (/proc/net/udp). A socket of another process that the kernel
 * has meanwhile given the port to (a test running in parallel) is in that process's descriptor table.
 */
function boundHere(port) {
  const inodes = readFileSync('/proc/net/udp', 'utf8').split('\n').slice(1).map((l) => l.trim().split(/\s+/))
    .filter((f) => f[1] && parseInt(f[1].split(':')[1], 16) === port).map((f) => f[9]);
  if (inodes.length === 0) return false;
  const elsewhere = new Set();
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d) && Number(d) !== process.pid)) {
    let fds = [];
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        elsewhere.add(/^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`))?.[1]);
      } catch {
        // gone meanwhile
      }
    }
  }
  return inodes.some((inode) => !elsewhere.has(inode));
}

function fdOf(sock) {
  for (const sym of Object.getOwnPropertySymbols(sock)) if (typeof sock[sym]?.handle?.fd === 'number') return sock[sym].handle.fd;
  throw new Error('no fd');
}

function slots(n) {
  return { data: Buffer.alloc(n * SLOT), lens: new Int32Array(n), addrs: Buffer.alloc(n * udpBatch.addrSlot) };
}

describe('udp-batch binding', { skip }, () => {
  it('reads nothing, without blocking, when no datagram waits', async () => {
    const server = await bound('udp4', '127.0.0.1');
    const s = slots(4);
    assert.equal(udpBatch.recv(fdOf(server), s.data, SLOT, s.lens, s.addrs), 0);
  });

  it('reads a burst in one call, with each sender address, and answers each sender in one call', async () => {
    const server = await bound('udp4', '127.0.0.1');
    const a = await bound('udp4', '127.0.0.1');
    const b = await bound('udp4', '127.0.0.1');
    const got = { a: [], b: [] };
    a.on('message', (m) => got.a.push(m.toString()));
    b.on('message', (m) => got.b.push(m.toString()));
    const port = server.address().port;
    a.send('one', port, '127.0.0.1');
    b.send('two', port, '127.0.0.1');
    a.send('three', port, '127.0.0.1');
    const s = slots(8);
    const fd = fdOf(server);
    const n = udpBatch.recv(fd, s.data, SLOT, s.lens, s.addrs);
    assert.equal(n, 3);
    const texts = [0, 1, 2].map((i) => s.data.toString('latin1', i * SLOT, i * SLOT + s.lens[i]));
    assert.deepEqual(texts, ['one', 'two', 'three']);
    const ports = [0, 1, 2].map((i) => s.addrs.readUInt16BE(i * udpBatch.addrSlot + 2));
    assert.deepEqual(ports, [a.address().port, b.address().port, a.address().port]);
    assert.equal(udpBatch.ntop(s.addrs, 1), '127.0.0.1');
    for (let i = 0; i < 3; i++) s.lens[i] = s.data.write(`re:${texts[i]}`, i * SLOT, 'latin1');
    s.lens[1] = 0; // no reply for this slot
    assert.equal(udpBatch.send(fd, s.data, SLOT, s.lens, s.addrs, 3), 2);
    // Polled, not slept: on a loaded machine 50 ms was not always enough for node:dgram to deliver both.
    for (let i = 0; i < 100 && got.a.length < 2; i++) await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, 50));
    assert.deepEqual(got, { a: ['re:one', 're:three'], b: [] });
  });

  it('marks a datagram longer than its slot with -1 instead of passing a truncated one on', async () => {
    const server = await bound('udp4', '127.0.0.1');
    const client = await bound('udp4', '127.0.0.1');
    client.send(Buffer.alloc(SLOT + 1, 7), server.address().port, '127.0.0.1');
    client.send(Buffer.alloc(SLOT, 7), server.address().port, '127.0.0.1');
    const s = slots(4);
    assert.equal(udpBatch.recv(fdOf(server), s.data, SLOT, s.lens, s.addrs), 2);
    assert.deepEqual([...s.lens.subarray(0, 2)], [-1, SLOT]);
  });

  it('continues a datagram longer than its slot in the tail slots', async () => {
    const server = await bound('udp4', '127.0.0.1');
    const client = await bound('udp4', '127.0.0.1');
    const big = Buffer.alloc(SLOT + 100);
    for (let i = 0; i < big.length; i++) big[i] = i & 255;
    client.send(Buffer.from('small'), server.address().port, '127.0.0.1');
    client.send(big, server.address().port, '127.0.0.1');
    client.send(Buffer.alloc(SLOT + 300), server.address().port, '127.0.0.1');
    const s = slots(4);
    const tail = Buffer.alloc(4 * 200);
    assert.equal(udpBatch.recv(fdOf(server), s.data, SLOT, s.lens, s.addrs, tail, 200), 3);
    assert.deepEqual([...s.lens.subarray(0, 3)], [5, SLOT + 100, -1]);
    assert.deepEqual(Buffer.concat([s.data.subarray(SLOT, 2 * SLOT), tail.subarray(200, 300)]), big);
  });

  it('spells IPv6 peers as node:dgram does', async () => {
    const server = await bound('udp6', '::1');
    const client = await bound('udp6', '::1');
    client.send('x', server.address().port, '::1');
    const s = slots(2);
    assert.equal(udpBatch.recv(fdOf(server), s.data, SLOT, s.lens, s.addrs), 1);
    assert.equal(udpBatch.ntop(s.addrs, 0), '::1');
    assert.equal(s.addrs.readUInt16BE(2), client.address().port);
  });

  it('sends one datagram, or its first bytes, to a raw address', async () => {
    const server = await bound('udp4', '127.0.0.1');
    const client = await bound('udp4', '127.0.0.1');
    const got = [];
    client.on('message', (m) => got.push(m.toString()));
    client.send('ping', server.address().port, '127.0.0.1');
    const s = slots(1);
    assert.equal(udpBatch.recv(fdOf(server), s.data, SLOT, s.lens, s.addrs), 1);
    const to = s.addrs.subarray(0, udpBatch.addrSlot);
    assert.equal(udpBatch.sendTo(fdOf(server), Buffer.from('whole'), to), 5);
    assert.equal(udpBatch.sendTo(fdOf(server), Buffer.from('prefix and more'), to, 6), 6);
    assert.throws(() => udpBatch.sendTo(fdOf(server), Buffer.from('x'), to, 2), TypeError);
    await new Promise((r) => setTimeout(r, 50));
    assert.deepEqual(got, ['whole', 'prefix']);
  });

  it('caps glibc malloc arenas (the binding sets one on load)', () => {
    assert.equal(udpBatch.limitMallocArenas(1), true);
    assert.throws(() => udpBatch.limitMallocArenas(0), TypeError);
  });

  it('sets glibc\'s mmap threshold, refusing nonsense', () => {
    assert.equal(udpBatch.mmapThreshold(8192), true);
    assert.throws(() => udpBatch.mmapThreshold(0), TypeError);
    assert.throws(() => udpBatch.mmapThreshold(64 << 20), TypeError);
    assert.equal(udpBatch.mmapThreshold(128 * 1024), true);
  });

  it('watches a socket: a callback per readable moment, none after unwatch', async () => {
    const server = await bound('udp4', '127.0.0.1');
    const client = await bound('udp4', '127.0.0.1');
    const fd = fdOf(server);
    for (const sym of Object.getOwnPropertySymbols(server)) server[sym]?.handle?.recvStop?.();
    const s = slots(4);
    const got = [];
    const watch = udpBatch.watch(fd, () => {
      const n = udpBatch.recv(fd, s.data, SLOT, s.lens, s.addrs);
      for (let i = 0; i < n; i++) got.push(s.data.toString('latin1', i * SLOT, i * SLOT + s.lens[i]));
    });
    client.send('one', server.address().port, '127.0.0.1');
    client.send('two', server.address().port, '127.0.0.1');
    await new Promise((r) => setTimeout(r, 50));
    assert.deepEqual(got, ['one', 'two']);
    udpBatch.unwatch(watch);
    udpBatch.unwatch(watch);
    client.send('three', server.address().port, '127.0.0.1');
    await new Promise((r) => setTimeout(r, 50));
    assert.deepEqual(got, ['one', 'two']);
    assert.throws(() => udpBatch.watch(fd, 'not a function'), TypeError);
  });

  it('reports a bad descriptor as -errno and bad arguments as a TypeError, never a crash', () => {
    const s = slots(2);
    assert.ok(udpBatch.recv(-1, s.data, SLOT, s.lens, s.addrs) < 0);
    assert.throws(() => udpBatch.recv(0, 'not a buffer', SLOT, s.lens, s.addrs), TypeError);
    assert.throws(() => udpBatch.recv(0, s.data, SLOT, new Uint8Array(2), s.addrs), TypeError);
    assert.throws(() => udpBatch.send(0, s.data, 0, s.lens, s.addrs, 1), TypeError);
    assert.throws(() => udpBatch.ntop(s.addrs, 5), TypeError);
  });

  it('opens forward sockets on a second or kernel-picked port and reads the ready ones of a set in one batch', async () => {
    const set = udpBatch.pollSet();
    assert.ok(set >= 0);
    const a = udpBatch.openUdp(4, 0);
    const b = udpBatch.openUdp(4, 0);
    const idle = udpBatch.openUdp(4, 0);
    assert.ok(a >= 0 && b >= 0 && idle >= 0);
    const portA = udpBatch.localPort(a);
    const portB = udpBatch.localPort(b);
    assert.ok(portA > 0 && portB > 0 && portA !== portB);
    assert.equal(udpBatch.openUdp(4, portA), -98); // EADDRINUSE: the caller tries another random port
    for (const fd of [a, b, idle]) assert.equal(udpBatch.pollAdd(set, fd), 0);
    const peer = await bound('udp4', '127.0.0.1');
    const fds = new Int32Array(4);
    const s = slots(4);
    const tail = Buffer.alloc(4 * 4096);
    assert.equal(udpBatch.recvReady(set, s.data, SLOT, s.lens, s.addrs, fds, tail, 4096), 0);
    peer.send('to-a', portA, '127.0.0.1');
    peer.send('to-b', portB, '127.0.0.1');
    peer.send(Buffer.alloc(SLOT + 100, 7), portB, '127.0.0.1');
    await new Promise((r) => setTimeout(r, 50));
    const n = udpBatch.recvReady(set, s.data, SLOT, s.lens, s.addrs, fds, tail, 4096);
    assert.equal(n, 3);
    const got = Array.from({ length: n }, (_, i) => [fds[i], s.lens[i] <= SLOT ? s.data.subarray(i * SLOT, i * SLOT + s.lens[i]).toString() : s.lens[i]]);
    got.sort((x, y) => x[0] - y[0] || String(x[1]).localeCompare(String(y[1])));
    const expected = [[a, 'to-a'], [b, 'to-b'], [b, SLOT + 100]].sort((x, y) => x[0] - y[0] || String(x[1]).localeCompare(String(y[1])));
    assert.deepEqual(got, expected);
    assert.equal(s.addrs.readUInt16BE(2), peer.address().port);
    // Closed, a socket leaves the set and its port refuses what comes later.
    assert.equal(udpBatch.closeFd(a), 0);
    peer.send('late', portA, '127.0.0.1');
    await new Promise((r) => setTimeout(r, 50));
    assert.equal(udpBatch.recvReady(set, s.data, SLOT, s.lens, s.addrs, fds, tail, 4096), 0);
    for (const fd of [b, idle, set]) assert.equal(udpBatch.closeFd(fd), 0);
    assert.ok(udpBatch.closeFd(a) < 0);
    assert.throws(() => udpBatch.openUdp(5, 0), TypeError);
    assert.throws(() => udpBatch.openUdp(4, 70000), TypeError);
    assert.throws(() => udpBatch.recvReady(set, s.data, SLOT, s.lens, s.addrs), TypeError);
  });

  it('starts a forward in one call (socket, set, send; bound by the send unless a port is given) and closes a batch of sockets in one', async () => {
    const set = udpBatch.pollSet();
    const server = await bound('udp4', '127.0.0.1');
    const seen = [];
    server.on('message', (buf, rinfo) => {
      seen.push([buf.toString(), rinfo.port]);
      server.send(`re:${buf}`, rinfo.port, rinfo.address);
    });
    const to = Buffer.alloc(udpBatch.addrSlot);
    to.writeUInt16LE(2, 0); // AF_INET
    to.writeUInt16BE(server.address().port, 2);
    to.set([127, 0, 0, 1], 4);
    const query = Buffer.from('question-one+padding');
    const lazy = udpBatch.openSend(set, 4, 0, query, 12, to);
    const second = udpBatch.openSend(set, 4, 0, Buffer.from('question-two'), 12, to);
    assert.ok(lazy >= 0 && second >= 0);
    const lazyPort = udpBatch.localPort(lazy);
    assert.ok(lazyPort > 0, 'the send bound the socket');
    assert.equal(udpBatch.openSend(set, 4, lazyPort, query, 12, to), -98); // a given port is bound: taken here
    await new Promise((r) => setTimeout(r, 50));
    assert.deepEqual(seen.map(([text]) => text).sort(), ['question-one', 'question-two']);
    assert.ok(seen.some(([, port]) => port === lazyPort));
    const fds = new Int32Array(4);
    const s = slots(4);
    const tail = Buffer.alloc(4 * 4096);
    const n = udpBatch.recvReady(set, s.data, SLOT, s.lens, s.addrs, fds, tail, 4096);
    assert.equal(n, 2);
    assert.deepEqual([...fds.subarray(0, n)].sort(), [lazy, second].sort());
    assert.equal(udpBatch.closeFds(Int32Array.of(lazy, -1, second), 3), 2);
    assert.ok(udpBatch.closeFd(lazy) < 0, 'closed already');
    assert.equal(udpBatch.closeFd(set), 0);
    assert.throws(() => udpBatch.openSend(set, 4, 0, query, 99, to), TypeError);
    assert.throws(() => udpBatch.closeFds([1], 1), TypeError);
  });

  it('runs forwards through io_uring: fresh sockets on random ports, replies read in a batch, a rejected one waited past, sockets closed on release', async (t) => {
    const ring = udpBatch.ringOpen(8, 4097);
    if (typeof ring === 'number') {
      // ENOSYS, EPERM (seccomp, kernel.io_uring_disabled): the forwarder stays on epoll; nothing more to test here.
      assert.ok(ring < 0);
      t.skip(`io_uring unavailable here (${ring})`);
      return;
    }
    const server = await bound('udp4', '127.0.0.1');
    const seen = [];
    server.on('message', (buf, rinfo) => {
      seen.push([buf.toString(), rinfo.port]);
      // The first question's socket gets a stray datagram first, then its reply.
      if (buf.toString() === 'question-0') server.send('stray', rinfo.port, rinfo.address);
      setTimeout(() => server.send(`re:${buf}`, rinfo.port, rinfo.address), buf.toString() === 'question-0' ? 30 : 0);
    });
    const to = Buffer.alloc(udpBatch.addrSlot);
    to.writeUInt16LE(2, 0); // AF_INET
    to.writeUInt16BE(server.address().port, 2);
    to.set([127, 0, 0, 1], 4);
    const got = [];
    const s = slots(8);
    const tail = Buffer.alloc(8 * 3585);
    const ringSlots = new Int32Array(8);
    let rejected = 0;
    const watch = udpBatch.watch(udpBatch.ringEventFd(ring), () => {
      const n = udpBatch.ringReap(ring, s.data, SLOT, s.lens, s.addrs, ringSlots, tail, 3585);
      for (let i = 0; i < n; i++) {
        const text = s.data.subarray(i * SLOT, i * SLOT + s.lens[i]).toString();
        if (text === 'stray') {
          rejected++;
          udpBatch.ringRearm(ring, ringSlots[i]); // not the reply: wait on
          continue;
        }
        got.push([text, ringSlots[i], s.addrs.readUInt16BE(i * udpBatch.addrSlot + 2)]);
        udpBatch.ringRelease(ring, ringSlots[i]);
      }
      udpBatch.ringSubmit(ring);
    });
    const used = [];
    for (let i = 0; i < 8; i++) {
      const q = Buffer.from(`question-${i}+padding`);
      used.push(udpBatch.ringForward(ring, 4, q, 10, to));
    }
    assert.deepEqual([...used].sort(), [0, 1, 2, 3, 4, 5, 6, 7]);
    assert.equal(udpBatch.ringForward(ring, 4, Buffer.from('one-more'), 8, to), -1, 'every slot taken');
    assert.equal(seen.length, 0, 'nothing leaves before the submit');
    assert.ok(udpBatch.ringSubmit(ring) >= 8);
    for (let i = 0; i < 100 && got.length < 8; i++) await new Promise((r) => setTimeout(r, 10));
    udpBatch.unwatch(watch);
    assert.deepEqual(got.map(([text]) => text).sort(), Array.from({ length: 8 }, (_, i) => `re:question-${i}`));
    assert.equal(rejected, 1);
    assert.ok(got.every(([, , port]) => port === server.address().port));
    const ports = seen.map(([, port]) => port);
    assert.equal(new Set(ports).size, 8, 'a fresh port per forward');
    // Released: the kernel lists none of those ports any more.
    await new Promise((r) => setTimeout(r, 20));
    assert.deepEqual(ports.filter(boundHere), []);
    // One forward to two servers from one socket, both sends queued before one submit: each server gets it (the
    // order is the differential suite's to check: two sockets' messages may be read in either order here).
    const other = await bound('udp4', '127.0.0.1');
    const order = [];
    server.removeAllListeners('message');
    server.on('message', (buf) => order.push(['first', buf.toString()]));
    other.on('message', (buf) => order.push(['second', buf.toString()]));
    const to2 = Buffer.from(to);
    to2.writeUInt16BE(other.address().port, 2);
    const both = udpBatch.ringForward(ring, 4, Buffer.from('to-both'), 7, to);
    assert.equal(udpBatch.ringSend(ring, both, Buffer.from('to-both'), 7, to2), 0);
    udpBatch.ringSubmit(ring);
    for (let i = 0; i < 100 && order.length < 2; i++) await new Promise((r) => setTimeout(r, 10));
    assert.deepEqual(order.sort(), [['first', 'to-both'], ['second', 'to-both']]);
    udpBatch.ringRelease(ring, both);
    // The slots are free again.
    const again = udpBatch.ringForward(ring, 4, Buffer.from('question-x'), 10, to);
    assert.ok(again >= 0);
    udpBatch.ringRelease(ring, again);
    assert.throws(() => udpBatch.ringRelease(ring, again), TypeError, 'released twice');
    assert.throws(() => udpBatch.ringForward(ring, 4, Buffer.from('x'), 99, to), TypeError);
    udpBatch.ringClose(ring);
    udpBatch.ringClose(ring);
    assert.throws(() => udpBatch.ringSubmit(ring), TypeError, 'closed');
  });
});
