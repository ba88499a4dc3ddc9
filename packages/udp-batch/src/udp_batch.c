/*
 * Batched UDP I/O for the forwarder's hot path: recvmmsg(2) and sendmmsg(2) on a socket that Node has
 * already bound. One call moves up to MAX_BATCH datagrams, so a burst of cache hits costs two system
 * calls and two crossings into native code instead of two of each per query. `watch` tells JavaScript
 * when such a socket is readable, so node:dgram need not read it at all.
 *
 * Layout shared with JavaScript (see packages/core/src/dns/transport/batch-receiver.ts):
 *   data   a Buffer of `slot`-byte slots, datagram i at i * slot (its bytes beyond `slot`, if a `tail`
 *          Buffer of `tailSlot`-byte slots is given, continue at i * tailSlot in tail);
 *   lens   an Int32Array, lens[i] = datagram i's length (-1: longer than its slots, dropped);
 *   addrs  a Buffer of ADDR_SLOT-byte slots holding the peer's raw struct sockaddr (Linux layout).
 */
#define _GNU_SOURCE
#define NAPI_VERSION 8
#include <arpa/inet.h>
#include <errno.h>
#include <net/if.h>
#include <netinet/in.h>
#include <node_api.h>
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#if defined(__has_include)
#if __has_include(<linux/io_uring.h>)
#include <linux/io_uring.h>
#endif
#endif
/* The ring needs a 5.19 header (IORING_OP_SOCKET, sparse file tables); built without one, it is left out. */
#if defined(IORING_FILE_INDEX_ALLOC)
#define HAVE_RING 1
#endif
#include <stdatomic.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <unistd.h>

/*
 * The few libuv calls a readiness watch needs. They are libuv's public API (uv.h), which Node exports to
 * add-ons; the headers are not on npm with Node-API's, so the prototypes are spelled here.
 */
typedef struct uv_loop_s uv_loop_t;
typedef struct uv_poll_s uv_poll_t;
typedef struct uv_handle_s uv_handle_t;
typedef void (*uv_poll_cb)(uv_poll_t *handle, int status, int events);
typedef void (*uv_close_cb)(uv_handle_t *handle);
extern int uv_poll_init(uv_loop_t *loop, uv_poll_t *handle, int fd);
extern int uv_poll_start(uv_poll_t *handle, int events, uv_poll_cb cb);
extern int uv_poll_stop(uv_poll_t *handle);
extern void uv_close(uv_handle_t *handle, uv_close_cb close_cb);
#define UV_READABLE 1
/* Room for a uv_poll_t (about 160 bytes on 64-bit Linux), kept first in the watch so one pointer is both. */
#define UV_POLL_ROOM 512

#define MAX_BATCH 64
#define ADDR_SLOT 28 /* sizeof(struct sockaddr_in6) */

typedef struct {
  int fd;
  char *data;
  size_t data_len;
  uint32_t slot;
  int32_t *lens;
  size_t lens_len;
  char *addrs;
  size_t addrs_len;
} batch_args;

static napi_value number(napi_env env, int32_t value) {
  napi_value v;
  napi_create_int32(env, value, &v);
  return v;
}

static int fail(napi_env env, const char *message) {
  napi_throw_type_error(env, NULL, message);
  return 0;
}

/* (fd, data, slot, lens, addrs[, ...]): validates the shared arguments and returns how many slots fit. */
static int read_batch_args(napi_env env, napi_value *argv, size_t argc, batch_args *a, size_t *capacity) {
  if (argc < 5) return fail(env, "udp-batch: expected (fd, data, slot, lens, addrs)");
  napi_typedarray_type type;
  size_t length;
  void *lens_data;
  if (napi_get_value_int32(env, argv[0], &a->fd) != napi_ok) return fail(env, "udp-batch: fd must be a number");
  if (napi_get_buffer_info(env, argv[1], (void **)&a->data, &a->data_len) != napi_ok) return fail(env, "udp-batch: data must be a Buffer");
  if (napi_get_value_uint32(env, argv[2], &a->slot) != napi_ok || a->slot == 0) return fail(env, "udp-batch: slot must be a positive number");
  if (napi_get_typedarray_info(env, argv[3], &type, &length, &lens_data, NULL, NULL) != napi_ok || type != napi_int32_array)
    return fail(env, "udp-batch: lens must be an Int32Array");
  a->lens = lens_data;
  a->lens_len = length;
  if (napi_get_buffer_info(env, argv[4], (void **)&a->addrs, &a->addrs_len) != napi_ok) return fail(env, "udp-batch: addrs must be a Buffer");
  size_t n = a->data_len / a->slot;
  if (a->lens_len < n) n = a->lens_len;
  if (a->addrs_len / ADDR_SLOT < n) n = a->addrs_len / ADDR_SLOT;
  if (n > MAX_BATCH) n = MAX_BATCH;
  *capacity = n;
  return 1;
}

/*
 * recv(fd, data, slot, lens, addrs[, tail, tailSlot]) -> datagrams read (0: none waiting) or -errno.
 * Never blocks. Small slots plus a tail keep the memory a batch touches small for small datagrams.
 */
static napi_value batch_recv(napi_env env, napi_callback_info info) {
  size_t argc = 7;
  napi_value argv[7];
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  batch_args a;
  size_t capacity;
  if (!read_batch_args(env, argv, argc, &a, &capacity)) return NULL;
  char *tail = NULL;
  size_t tail_len = 0;
  uint32_t tail_slot = 0;
  if (argc >= 7) {
    if (napi_get_buffer_info(env, argv[5], (void **)&tail, &tail_len) != napi_ok || napi_get_value_uint32(env, argv[6], &tail_slot) != napi_ok || tail_slot == 0) {
      fail(env, "udp-batch: tail must be a Buffer and tailSlot a positive number");
      return NULL;
    }
    if (tail_len / tail_slot < capacity) capacity = tail_len / tail_slot;
  }
  struct mmsghdr msgs[MAX_BATCH];
  struct iovec iovs[MAX_BATCH][2];
  memset(msgs, 0, sizeof(struct mmsghdr) * capacity);
  for (size_t i = 0; i < capacity; i++) {
    iovs[i][0].iov_base = a.data + i * a.slot;
    iovs[i][0].iov_len = a.slot;
    iovs[i][1].iov_base = tail ? tail + i * tail_slot : NULL;
    iovs[i][1].iov_len = tail ? tail_slot : 0;
    msgs[i].msg_hdr.msg_iov = iovs[i];
    msgs[i].msg_hdr.msg_iovlen = tail ? 2 : 1;
    msgs[i].msg_hdr.msg_name = a.addrs + i * ADDR_SLOT;
    msgs[i].msg_hdr.msg_namelen = ADDR_SLOT;
  }
  int n;
  do n = recvmmsg(a.fd, msgs, (unsigned)capacity, MSG_DONTWAIT, NULL);
  while (n < 0 && errno == EINTR);
  if (n < 0) return number(env, errno == EAGAIN || errno == EWOULDBLOCK ? 0 : -errno);
  for (int i = 0; i < n; i++) a.lens[i] = (msgs[i].msg_hdr.msg_flags & MSG_TRUNC) ? -1 : (int32_t)msgs[i].msg_len;
  return number(env, n);
}

static socklen_t address_length(const char *addr) {
  sa_family_t family;
  memcpy(&family, addr, sizeof family);
  if (family == AF_INET) return sizeof(struct sockaddr_in);
  if (family == AF_INET6) return sizeof(struct sockaddr_in6);
  return 0;
}

/*
 * send(fd, data, slot, lens, addrs, count) -> datagrams sent. Slot i (i < count) goes to address slot i
 * when lens[i] > 0. A datagram the kernel refuses is skipped, as a failed sendto would lose it; a full
 * socket buffer (EAGAIN) drops the rest, as UDP may.
 */
static napi_value batch_send(napi_env env, napi_callback_info info) {
  size_t argc = 6;
  napi_value argv[6];
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  batch_args a;
  size_t capacity;
  uint32_t count;
  if (!read_batch_args(env, argv, argc, &a, &capacity)) return NULL;
  if (argc < 6 || napi_get_value_uint32(env, argv[5], &count) != napi_ok) {
    fail(env, "udp-batch: count must be a number");
    return NULL;
  }
  if (count > capacity) count = (uint32_t)capacity;
  struct mmsghdr msgs[MAX_BATCH];
  struct iovec iovs[MAX_BATCH];
  unsigned pending = 0;
  for (uint32_t i = 0; i < count; i++) {
    int32_t len = a.lens[i];
    socklen_t namelen = address_length(a.addrs + i * ADDR_SLOT);
    if (len <= 0 || (uint32_t)len > a.slot || namelen == 0) continue;
    iovs[pending].iov_base = a.data + i * a.slot;
    iovs[pending].iov_len = (size_t)len;
    memset(&msgs[pending], 0, sizeof msgs[pending]);
    msgs[pending].msg_hdr.msg_iov = &iovs[pending];
    msgs[pending].msg_hdr.msg_iovlen = 1;
    msgs[pending].msg_hdr.msg_name = a.addrs + i * ADDR_SLOT;
    msgs[pending].msg_hdr.msg_namelen = namelen;
    pending++;
  }
  int32_t sent = 0;
  unsigned next = 0;
  while (next < pending) {
    int n = sendmmsg(a.fd, msgs + next, pending - next, MSG_DONTWAIT);
    if (n > 0) {
      sent += n;
      next += (unsigned)n;
    } else if (n < 0 && errno == EINTR) {
      continue;
    } else if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
      break;
    } else {
      next++; /* this datagram was refused (e.g. EPERM, EINVAL): skip it */
    }
  }
  return number(env, sent);
}

/*
 * sendTo(fd, data, addr[, length]) -> bytes sent or -errno: one datagram (the first `length` bytes of data,
 * all of it by default) to the raw sockaddr in `addr`. Never blocks.
 */
static napi_value batch_send_to(napi_env env, napi_callback_info info) {
  size_t argc = 4;
  napi_value argv[4];
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  int32_t fd;
  char *data, *addr;
  size_t data_len, addr_len;
  if (argc < 3 || napi_get_value_int32(env, argv[0], &fd) != napi_ok || napi_get_buffer_info(env, argv[1], (void **)&data, &data_len) != napi_ok ||
      napi_get_buffer_info(env, argv[2], (void **)&addr, &addr_len) != napi_ok || addr_len < ADDR_SLOT) {
    fail(env, "udp-batch: expected (fd, data, addr) with a 28-byte addr");
    return NULL;
  }
  if (argc >= 4) {
    napi_valuetype type;
    napi_typeof(env, argv[3], &type);
    uint32_t length;
    if (type != napi_undefined) {
      if (napi_get_value_uint32(env, argv[3], &length) != napi_ok || length > data_len) {
        fail(env, "udp-batch: length must be a number within data");
        return NULL;
      }
      data_len = length;
    }
  }
  socklen_t namelen = address_length(addr);
  if (namelen == 0) return number(env, -EAFNOSUPPORT);
  ssize_t n;
  do n = sendto(fd, data, data_len, MSG_DONTWAIT, (const struct sockaddr *)addr, namelen);
  while (n < 0 && errno == EINTR);
  return number(env, n < 0 ? -errno : (int32_t)n);
}

/* ntop(addrs, index) -> the address as Node's rinfo.address spells it ("::1", "fe80::1%eth0"). */
static napi_value batch_ntop(napi_env env, napi_callback_info info) {
  size_t argc = 2;
  napi_value argv[2];
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  char *addrs;
  size_t addrs_len;
  uint32_t index;
  if (argc < 2 || napi_get_buffer_info(env, argv[0], (void **)&addrs, &addrs_len) != napi_ok ||
      napi_get_value_uint32(env, argv[1], &index) != napi_ok || (size_t)(index + 1) * ADDR_SLOT > addrs_len) {
    fail(env, "udp-batch: expected (addrs, index) within the buffer");
    return NULL;
  }
  const char *addr = addrs + (size_t)index * ADDR_SLOT;
  char text[INET6_ADDRSTRLEN + IF_NAMESIZE + 2] = "";
  sa_family_t family;
  memcpy(&family, addr, sizeof family);
  if (family == AF_INET) {
    struct sockaddr_in sin;
    memcpy(&sin, addr, sizeof sin);
    inet_ntop(AF_INET, &sin.sin_addr, text, sizeof text);
  } else if (family == AF_INET6) {
    struct sockaddr_in6 sin6;
    memcpy(&sin6, addr, sizeof sin6);
    inet_ntop(AF_INET6, &sin6.sin6_addr, text, sizeof text);
    if (sin6.sin6_scope_id != 0) {
      char name[IF_NAMESIZE];
      size_t used = strlen(text);
      if (if_indextoname(sin6.sin6_scope_id, name)) snprintf(text + used, sizeof text - used, "%%%s", name);
      else snprintf(text + used, sizeof text - used, "%%%u", sin6.sin6_scope_id);
    }
  }
  napi_value result;
  napi_create_string_latin1(env, text, NAPI_AUTO_LENGTH, &result);
  return result;
}

/* Sets glibc malloc parameter `param` from the one argument, a whole number in 1..max; true when glibc took it. */
static napi_value set_malloc_option(napi_env env, napi_callback_info info, int param, uint32_t max, const char *refusal) {
  size_t argc = 1;
  napi_value argv[1];
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  uint32_t n;
  if (argc < 1 || napi_get_value_uint32(env, argv[0], &n) != napi_ok || n == 0 || n > max) {
    fail(env, refusal);
    return NULL;
  }
  napi_value result;
  napi_get_boolean(env, mallopt(param, (int)n) == 1, &result);
  return result;
}

/*
 * limitMallocArenas(n) -> true when set: glibc gives each thread that allocates its own malloc arena; V8's
 * helper threads then hold megabytes each. Threads created or first allocating afterwards share `n` arenas.
 */
static napi_value batch_limit_arenas(napi_env env, napi_callback_info info) {
  return set_malloc_option(env, info, M_ARENA_MAX, INT32_MAX, "udp-batch: expected a positive arena count");
}

/*
 * mmapThreshold(bytes) -> true when set: glibc serves allocations of at least `bytes` with their own mmap, so
 * their memory goes back to the system when freed instead of staying in the heap between busy moments.
 */
static napi_value batch_mmap_threshold(napi_env env, napi_callback_info info) {
  return set_malloc_option(env, info, M_MMAP_THRESHOLD, 32u << 20, "udp-batch: expected a threshold of 1 byte to 32 MiB");
}


/*
 * Forward sockets, one per forward (a fresh random source port each, as dnsmasq does), read together: every
 * socket is registered in one epoll set, the set's descriptor is watched like a socket, and `recvReady`
 * reads what the ready sockets hold into one batch of slots.
 */

/*
 * A non-blocking UDP socket of `family` bound to `port` (0: the kernel's pick), or -errno. With `lazy` and
 * port 0 it is left unbound: its first send binds it to a random port of the kernel's ephemeral range, one
 * system call fewer (dnsmasq 2.90 without --min-port/--max-port does the same: socket, sendto, no bind).
 */
static int open_bound(int family, uint32_t port, int lazy) {
  int fd = socket(family == 4 ? AF_INET : AF_INET6, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  if (fd < 0) return -errno;
  if (lazy && port == 0) return fd;
  int rc;
  if (family == 4) {
    struct sockaddr_in sin;
    memset(&sin, 0, sizeof sin);
    sin.sin_family = AF_INET;
    sin.sin_port = htons((uint16_t)port);
    rc = bind(fd, (struct sockaddr *)&sin, sizeof sin);
  } else {
    struct sockaddr_in6 sin6;
    memset(&sin6, 0, sizeof sin6);
    sin6.sin6_family = AF_INET6;
    sin6.sin6_port = htons((uint16_t)port);
    rc = bind(fd, (struct sockaddr *)&sin6, sizeof sin6);
  }
  if (rc < 0) {
    int e = errno;
    close(fd);
    return -e;
  }
  return fd;
}

/* openUdp(family, port) -> fd, or -errno: a non-blocking UDP socket bound to `port` (0: the kernel's pick). */
static napi_value batch_open_udp(napi_env env, napi_callback_info info) {
  size_t argc = 2;
  napi_value argv[2];
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  int32_t family;
  uint32_t port;
  if (argc < 2 || napi_get_value_int32(env, argv[0], &family) != napi_ok || (family != 4 && family != 6) ||
      napi_get_value_uint32(env, argv[1], &port) != napi_ok || port > 65535) {
    fail(env, "udp-batch: expected (4 | 6, port)");
    return NULL;
  }
  return number(env, open_bound(family, port, 0));
}

/*
 * openSend(set, family, port, data, length, addr) -> fd, or -errno when no socket could be opened, bound to
 * `port` (0: by the send, to the kernel's random pick) and added to `set`: one forward's whole start in one
 * call (socket, bind unless port 0, epoll_ctl, sendto). The
 * send's own outcome is not reported: a datagram the kernel refuses is lost, as UDP may lose it, and the
 * socket stays open until its forward is over.
 */
static napi_value batch_open_send(napi_env env, napi_callback_info info) {
  size_t argc = 6;
  napi_value argv[6];
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  int32_t ep, family;
  uint32_t port, length;
  char *data, *addr;
  size_t data_len, addr_len;
  if (argc < 6 || napi_get_value_int32(env, argv[0], &ep) != napi_ok || napi_get_value_int32(env, argv[1], &family) != napi_ok ||
      (family != 4 && family != 6) || napi_get_value_uint32(env, argv[2], &port) != napi_ok || port > 65535 ||
      napi_get_buffer_info(env, argv[3], (void **)&data, &data_len) != napi_ok || napi_get_value_uint32(env, argv[4], &length) != napi_ok ||
      length > data_len || napi_get_buffer_info(env, argv[5], (void **)&addr, &addr_len) != napi_ok || addr_len < ADDR_SLOT) {
    fail(env, "udp-batch: expected (set, 4 | 6, port, data, length, addr) with length within data and a 28-byte addr");
    return NULL;
  }
  socklen_t namelen = address_length(addr);
  if (namelen == 0) return number(env, -EAFNOSUPPORT);
  int fd = open_bound(family, port, 1);
  if (fd < 0) return number(env, fd);
  struct epoll_event ev;
  memset(&ev, 0, sizeof ev);
  ev.events = EPOLLIN;
  ev.data.fd = fd;
  if (epoll_ctl(ep, EPOLL_CTL_ADD, fd, &ev) < 0) {
    int e = errno;
    close(fd);
    return number(env, -e);
  }
  ssize_t n;
  do n = sendto(fd, data, length, MSG_DONTWAIT, (const struct sockaddr *)addr, namelen);
  while (n < 0 && errno == EINTR);
  return number(env, fd);
}

/* closeFds(fds, count) -> how many closed: the first `count` descriptors of an Int32Array, in one call. */
static napi_value batch_close_fds(napi_env env, napi_callback_info info) {
  size_t argc = 2;
  napi_value argv[2];
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  napi_typedarray_type type;
  size_t length;
  void *fds_data;
  uint32_t count;
  if (argc < 2 || napi_get_typedarray_info(env, argv[0], &type, &length, &fds_data, NULL, NULL) != napi_ok || type != napi_int32_array ||
      napi_get_value_uint32(env, argv[1], &count) != napi_ok || count > length) {
    fail(env, "udp-batch: expected (fds: Int32Array, count within it)");
    return NULL;
  }
  const int32_t *fds = fds_data;
  int32_t closed = 0;
  for (uint32_t i = 0; i < count; i++) if (fds[i] >= 0 && close(fds[i]) == 0) closed++;
  return number(env, closed);
}

/* localPort(fd) -> the port fd is bound to, or -errno. */
static napi_value batch_local_port(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1];
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  int32_t fd;
  if (argc < 1 || napi_get_value_int32(env, argv[0], &fd) != napi_ok) {
    fail(env, "udp-batch: expected (fd)");
    return NULL;
  }
  struct sockaddr_in6 addr;
  socklen_t len = sizeof addr;
  if (getsockname(fd, (struct sockaddr *)&addr, &len) < 0) return number(env, -errno);
  return number(env, ntohs(addr.sin6_port)); /* sin_port and sin6_port sit at the same offset */
}

/* closeFd(fd) -> 0 or -errno. Closing also takes fd out of any epoll set. */
static napi_value batch_close_fd(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1];
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  int32_t fd;
  if (argc < 1 || napi_get_value_int32(env, argv[0], &fd) != napi_ok || fd < 0) {
    fail(env, "udp-batch: expected (fd)");
    return NULL;
  }
  return number(env, close(fd) < 0 ? -errno : 0);
}

/* pollSet() -> an epoll descriptor, or -errno. */
static napi_value batch_poll_set(napi_env env, napi_callback_info info) {
  (void)info;
  int ep = epoll_create1(EPOLL_CLOEXEC);
  return number(env, ep < 0 ? -errno : ep);
}

/* pollAdd(set, fd) -> 0 or -errno: fd's readability is reported by recvReady(set, ...). */
static napi_value batch_poll_add(napi_env env, napi_callback_info info) {
  size_t argc = 2;
  napi_value argv[2];
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  int32_t ep, fd;
  if (argc < 2 || napi_get_value_int32(env, argv[0], &ep) != napi_ok || napi_get_value_int32(env, argv[1], &fd) != napi_ok) {
    fail(env, "udp-batch: expected (set, fd)");
    return NULL;
  }
  struct epoll_event ev;
  memset(&ev, 0, sizeof ev);
  ev.events = EPOLLIN;
  ev.data.fd = fd;
  return number(env, epoll_ctl(ep, EPOLL_CTL_ADD, fd, &ev) < 0 ? -errno : 0);
}

/*
 * recvReady(set, data, slot, lens, addrs, fds, tail, tailSlot) -> datagrams read (0: none waiting) or -errno.
 * Reads what the set's ready sockets hold, into consecutive slots; fds[i] is the socket datagram i came to.
 * Never blocks.
 */
static napi_value batch_recv_ready(napi_env env, napi_callback_info info) {
  size_t argc = 8;
  napi_value argv[8];
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  batch_args a;
  size_t capacity;
  if (argc < 8 || !read_batch_args(env, argv, 5, &a, &capacity)) {
    if (argc < 8) fail(env, "udp-batch: expected (set, data, slot, lens, addrs, fds, tail, tailSlot)");
    return NULL;
  }
  napi_typedarray_type type;
  size_t fds_len;
  void *fds_data;
  char *tail;
  size_t tail_len;
  uint32_t tail_slot;
  if (napi_get_typedarray_info(env, argv[5], &type, &fds_len, &fds_data, NULL, NULL) != napi_ok || type != napi_int32_array ||
      napi_get_buffer_info(env, argv[6], (void **)&tail, &tail_len) != napi_ok || napi_get_value_uint32(env, argv[7], &tail_slot) != napi_ok || tail_slot == 0) {
    fail(env, "udp-batch: fds must be an Int32Array, tail a Buffer and tailSlot a positive number");
    return NULL;
  }
  int32_t *fds = fds_data;
  if (fds_len < capacity) capacity = fds_len;
  if (tail_len / tail_slot < capacity) capacity = tail_len / tail_slot;
  struct epoll_event events[MAX_BATCH];
  int ready;
  do ready = epoll_wait(a.fd, events, (int)capacity, 0);
  while (ready < 0 && errno == EINTR);
  if (ready < 0) return number(env, -errno);
  struct mmsghdr msgs[MAX_BATCH];
  struct iovec iovs[MAX_BATCH][2];
  size_t got = 0;
  for (int e = 0; e < ready && got < capacity; e++) {
    int fd = events[e].data.fd;
    size_t room = capacity - got;
    memset(msgs, 0, sizeof(struct mmsghdr) * room);
    for (size_t i = 0; i < room; i++) {
      size_t at = got + i;
      iovs[i][0].iov_base = a.data + at * a.slot;
      iovs[i][0].iov_len = a.slot;
      iovs[i][1].iov_base = tail + at * tail_slot;
      iovs[i][1].iov_len = tail_slot;
      msgs[i].msg_hdr.msg_iov = iovs[i];
      msgs[i].msg_hdr.msg_iovlen = 2;
      msgs[i].msg_hdr.msg_name = a.addrs + at * ADDR_SLOT;
      msgs[i].msg_hdr.msg_namelen = ADDR_SLOT;
    }
    int n;
    do n = recvmmsg(fd, msgs, (unsigned)room, MSG_DONTWAIT, NULL);
    while (n < 0 && errno == EINTR);
    if (n <= 0) continue;
    for (int i = 0; i < n; i++) {
      a.lens[got + i] = (msgs[i].msg_hdr.msg_flags & MSG_TRUNC) ? -1 : (int32_t)msgs[i].msg_len;
      fds[got + i] = fd;
    }
    got += (size_t)n;
  }
  return number(env, (int32_t)got);
}

typedef struct {
  _Alignas(16) char poll[UV_POLL_ROOM];
  napi_env env;
  napi_ref callback;
  napi_async_context context;
  int stopped;   /* unwatch ran (or the finalizer): no more callbacks */
  int closed;    /* libuv closed the handle */
  int finalized; /* JavaScript no longer holds the watch */
} watch_t;

static void on_readable(uv_poll_t *handle, int status, int events) {
  (void)status;
  (void)events;
  watch_t *w = (watch_t *)handle;
  if (w->stopped) return;
  napi_handle_scope scope;
  if (napi_open_handle_scope(w->env, &scope) != napi_ok) return;
  napi_value callback, receiver, result;
  napi_get_reference_value(w->env, w->callback, &callback);
  napi_get_global(w->env, &receiver);
  if (napi_make_callback(w->env, w->context, receiver, callback, 0, NULL, &result) == napi_pending_exception) {
    napi_value error;
    napi_get_and_clear_last_exception(w->env, &error);
    napi_fatal_exception(w->env, error);
  }
  napi_close_handle_scope(w->env, scope);
}

static void on_closed(uv_handle_t *handle) {
  watch_t *w = (watch_t *)handle;
  w->closed = 1;
  if (w->finalized) free(w);
}

static void stop_watch(napi_env env, watch_t *w) {
  if (w->stopped) return;
  w->stopped = 1;
  uv_poll_stop((uv_poll_t *)w->poll);
  napi_delete_reference(env, w->callback);
  napi_async_destroy(env, w->context);
  uv_close((uv_handle_t *)w->poll, on_closed);
}

/* The watch object was collected: stop watching if nobody did, and free once libuv has let go too. */
static void finish_watch(napi_env env, void *data, void *hint) {
  (void)hint;
  watch_t *w = data;
  stop_watch(env, w);
  w->finalized = 1;
  if (w->closed) free(w);
}

/*
 * watch(fd, callback) -> a watch: `callback()` runs (as a Node callback: microtasks after it) whenever fd is
 * readable, until unwatch(watch). The socket's owner must not read it by itself meanwhile.
 */
static napi_value batch_watch(napi_env env, napi_callback_info info) {
  size_t argc = 2;
  napi_value argv[2];
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  int32_t fd;
  napi_valuetype type;
  if (argc < 2 || napi_get_value_int32(env, argv[0], &fd) != napi_ok || napi_typeof(env, argv[1], &type) != napi_ok || type != napi_function) {
    fail(env, "udp-batch: expected (fd, callback)");
    return NULL;
  }
  uv_loop_t *loop;
  if (napi_get_uv_event_loop(env, (struct uv_loop_s **)&loop) != napi_ok) {
    fail(env, "udp-batch: no event loop");
    return NULL;
  }
  watch_t *w = calloc(1, sizeof *w);
  if (!w) {
    fail(env, "udp-batch: out of memory");
    return NULL;
  }
  w->env = env;
  napi_value name;
  napi_create_string_utf8(env, "kdt:udp-batch-watch", NAPI_AUTO_LENGTH, &name);
  napi_async_init(env, NULL, name, &w->context);
  napi_create_reference(env, argv[1], 1, &w->callback);
  int rc = uv_poll_init(loop, (uv_poll_t *)w->poll, fd);
  if (rc == 0) rc = uv_poll_start((uv_poll_t *)w->poll, UV_READABLE, on_readable);
  if (rc != 0) {
    napi_delete_reference(env, w->callback);
    napi_async_destroy(env, w->context);
    free(w);
    fail(env, "udp-batch: cannot watch this descriptor");
    return NULL;
  }
  napi_value external;
  napi_create_external(env, w, finish_watch, NULL, &external);
  return external;
}

/* unwatch(watch): stops the watch; its memory goes when libuv has closed the handle. Idempotent. */
static napi_value batch_unwatch(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1];
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  watch_t *w;
  if (argc < 1 || napi_get_value_external(env, argv[0], (void **)&w) != napi_ok) {
    fail(env, "udp-batch: expected a watch");
    return NULL;
  }
  stop_watch(env, w);
  return NULL;
}

#ifdef HAVE_RING
/*
 * Forward sockets through io_uring: a forward's whole life (socket, send, receive, close) is queued as ring
 * entries and submitted with one io_uring_enter per event-loop batch, so a forward costs no system call of its
 * own (on the epoll path it costs five: socket, epoll_ctl, sendto, recvmmsg, close). The sockets are the
 * ring's direct descriptors, one per slot; an eventfd registered with the ring tells libuv (through `watch`)
 * that completions wait, and `ringReap` copies the replies into the same batch slots `recvReady` fills.
 *
 * Per forward: SOCKET into the slot's direct descriptor, SENDMSG, RECVMSG (armed on the socket's readiness).
 * A reply ends the receive; JavaScript re-arms it when it rejected the datagram and the forward goes on.
 * Release: ASYNC_CANCEL of an armed receive, then CLOSE of the descriptor. Entries are not linked: the kernel
 * issues a submission's entries in order, and each of these runs there and then (a socket, a UDP send, a
 * cancel and a close never wait; a receive arms its wait), so sends leave in the order they were queued,
 * as dnsmasq sends them. A linked entry would instead run later, from task work, after unlinked entries
 * queued behind it (measured: a forward's second server got the query before its first). A failed socket
 * fails its send and receive (EBADF). A slot can be filled again by the next forward right away; stale
 * completions carry the slot's old generation and are dropped.
 *
 * ringOpen fails (returns -errno) where io_uring is missing or disabled; the forwarder then uses epoll.
 */
#ifndef IORING_SETUP_SUBMIT_ALL
#define IORING_SETUP_SUBMIT_ALL (1U << 7)
#endif
#ifndef IORING_SETUP_COOP_TASKRUN
#define IORING_SETUP_COOP_TASKRUN (1U << 8)
#endif

#define RING_ENTRIES 1024
#define RING_SEND_MAX 4096
/* user_data: kind in the top byte, the slot's generation in the next 24 bits, the slot in the low 32. */
#define UD_RECV 1ULL
#define UD_OTHER 2ULL
#define SLOT_FREE 0
#define SLOT_OPEN 1

typedef struct {
  uint32_t gen;
  uint8_t state;
  uint8_t armed;
  uint8_t sending; /* a send of this slot is queued in submission `send_epoch` */
  uint32_t send_epoch;
  struct msghdr smsg, rmsg;
  struct iovec siov, riov;
  char saddr[ADDR_SLOT];
  char raddr[ADDR_SLOT];
} ring_slot;

typedef struct {
  int fd;
  int efd;
  int closed;
  unsigned sq_entries;
  _Atomic unsigned *sq_head, *sq_tail;
  unsigned sq_mask;
  unsigned *sq_array;
  struct io_uring_sqe *sqes;
  unsigned sq_local; /* our tail: entries written, published on submit */
  uint32_t epoch;    /* submissions made so far */
  _Atomic unsigned *cq_head, *cq_tail;
  unsigned cq_mask;
  struct io_uring_cqe *cqes;
  void *sq_map, *cq_map, *sqe_map;
  size_t sq_map_len, cq_map_len, sqe_map_len;
  uint32_t nslots;
  uint32_t recv_size;
  uint32_t *free_list;
  uint32_t nfree;
  uint32_t open;
  ring_slot *slots;
  char *sendbufs; /* nslots * RING_SEND_MAX, touched only as slots are used */
  char *recvbufs; /* nslots * recv_size */
} ring_t;

static int sys_uring_setup(unsigned entries, struct io_uring_params *p) { return (int)syscall(__NR_io_uring_setup, entries, p); }
static int sys_uring_enter(int fd, unsigned submit, unsigned complete, unsigned flags) {
  return (int)syscall(__NR_io_uring_enter, fd, submit, complete, flags, NULL, 0);
}
static int sys_uring_register(int fd, unsigned op, void *arg, unsigned n) { return (int)syscall(__NR_io_uring_register, fd, op, arg, n); }

static void ring_unmap(ring_t *r) {
  if (r->sqe_map && r->sqe_map != MAP_FAILED) munmap(r->sqe_map, r->sqe_map_len);
  if (r->cq_map && r->cq_map != MAP_FAILED && r->cq_map != r->sq_map) munmap(r->cq_map, r->cq_map_len);
  if (r->sq_map && r->sq_map != MAP_FAILED) munmap(r->sq_map, r->sq_map_len);
  r->sqe_map = r->cq_map = r->sq_map = NULL;
}

static void ring_free(ring_t *r) {
  if (r->fd >= 0) close(r->fd); /* cancels what is in flight and drops every direct descriptor */
  if (r->efd >= 0) close(r->efd);
  r->fd = r->efd = -1;
  ring_unmap(r);
  if (r->sendbufs && r->sendbufs != MAP_FAILED) munmap(r->sendbufs, (size_t)r->nslots * RING_SEND_MAX);
  if (r->recvbufs && r->recvbufs != MAP_FAILED) munmap(r->recvbufs, (size_t)r->nslots * r->recv_size);
  r->sendbufs = r->recvbufs = NULL;
  free(r->slots);
  free(r->free_list);
  r->slots = NULL;
  r->free_list = NULL;
  r->closed = 1;
}

/*
 * Sets up the ring with the cheapest completion mode this kernel accepts; 0 or -errno. COOP_TASKRUN: the
 * kernel finishes ready receives when the thread next enters it (libuv's epoll_wait, a submit) instead of
 * interrupting JavaScript. Not DEFER_TASKRUN: there, the steps of a linked chain and the receives that became
 * ready wait for an io_uring_enter(GETEVENTS) and do not signal the eventfd (measured on 6.18: replies never
 * reported), so nothing would wake the loop to make that call.
 */
static int ring_setup(ring_t *r) {
  static const unsigned modes[] = {
      IORING_SETUP_SUBMIT_ALL | IORING_SETUP_COOP_TASKRUN,
      0,
  };
  struct io_uring_params p;
  int fd = -1;
  for (size_t m = 0; m < sizeof modes / sizeof modes[0]; m++) {
    memset(&p, 0, sizeof p);
    p.flags = modes[m];
    fd = sys_uring_setup(RING_ENTRIES, &p);
    if (fd >= 0) break;
    if (errno != EINVAL) return -errno; /* ENOSYS, EPERM (io_uring_disabled, seccomp): no ring at all */
  }
  if (fd < 0) return -errno;
  r->fd = fd;
  r->sq_map_len = p.sq_off.array + p.sq_entries * sizeof(unsigned);
  r->cq_map_len = p.cq_off.cqes + p.cq_entries * sizeof(struct io_uring_cqe);
  if (p.features & IORING_FEAT_SINGLE_MMAP) {
    if (r->cq_map_len > r->sq_map_len) r->sq_map_len = r->cq_map_len;
    r->cq_map_len = r->sq_map_len;
  }
  r->sq_map = mmap(NULL, r->sq_map_len, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_POPULATE, fd, IORING_OFF_SQ_RING);
  if (r->sq_map == MAP_FAILED) return -errno;
  if (p.features & IORING_FEAT_SINGLE_MMAP) r->cq_map = r->sq_map;
  else {
    r->cq_map = mmap(NULL, r->cq_map_len, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_POPULATE, fd, IORING_OFF_CQ_RING);
    if (r->cq_map == MAP_FAILED) return -errno;
  }
  r->sqe_map_len = p.sq_entries * sizeof(struct io_uring_sqe);
  r->sqe_map = mmap(NULL, r->sqe_map_len, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_POPULATE, fd, IORING_OFF_SQES);
  if (r->sqe_map == MAP_FAILED) return -errno;
  char *sq = r->sq_map, *cq = r->cq_map;
  r->sq_entries = p.sq_entries;
  r->sq_head = (_Atomic unsigned *)(sq + p.sq_off.head);
  r->sq_tail = (_Atomic unsigned *)(sq + p.sq_off.tail);
  r->sq_mask = *(unsigned *)(sq + p.sq_off.ring_mask);
  r->sq_array = (unsigned *)(sq + p.sq_off.array);
  for (unsigned i = 0; i < p.sq_entries; i++) r->sq_array[i] = i;
  r->sqes = r->sqe_map;
  r->sq_local = atomic_load_explicit(r->sq_tail, memory_order_relaxed);
  r->cq_head = (_Atomic unsigned *)(cq + p.cq_off.head);
  r->cq_tail = (_Atomic unsigned *)(cq + p.cq_off.tail);
  r->cq_mask = *(unsigned *)(cq + p.cq_off.ring_mask);
  r->cqes = (struct io_uring_cqe *)(cq + p.cq_off.cqes);
  return 0;
}

/* Publishes the entries written so far and has the kernel run them; entries submitted or -errno. */
static int ring_submit(ring_t *r, unsigned enter_flags) {
  unsigned tail = atomic_load_explicit(r->sq_tail, memory_order_relaxed);
  unsigned n = r->sq_local - tail;
  if (n == 0 && enter_flags == 0) return 0;
  atomic_store_explicit(r->sq_tail, r->sq_local, memory_order_release);
  if (n > 0) r->epoch++;
  int rc;
  do rc = sys_uring_enter(r->fd, n, 0, enter_flags);
  while (rc < 0 && errno == EINTR);
  if (rc < 0 && errno == EBUSY) rc = sys_uring_enter(r->fd, 0, 0, IORING_ENTER_GETEVENTS); /* CQ overflowing: reap first */
  return rc < 0 ? -errno : rc;
}

/* A zeroed entry to fill, submitting what is queued when the ring is full (NULL only if that fails). */
static struct io_uring_sqe *ring_sqe(ring_t *r) {
  if (r->sq_local - atomic_load_explicit(r->sq_head, memory_order_acquire) >= r->sq_entries) {
    if (ring_submit(r, 0) < 0) return NULL;
    if (r->sq_local - atomic_load_explicit(r->sq_head, memory_order_acquire) >= r->sq_entries) return NULL;
  }
  struct io_uring_sqe *sqe = &r->sqes[r->sq_local & r->sq_mask];
  memset(sqe, 0, sizeof *sqe);
  r->sq_local++;
  return sqe;
}

static uint64_t ring_ud(uint64_t kind, uint32_t gen, uint32_t slot) { return (kind << 56) | ((uint64_t)(gen & 0xffffff) << 32) | slot; }

/* Queues slot's receive: its socket's next datagram into the slot's buffer. */
static int ring_queue_recv(ring_t *r, uint32_t slot, uint8_t link_flags) {
  ring_slot *s = &r->slots[slot];
  struct io_uring_sqe *sqe = ring_sqe(r);
  if (!sqe) return -EBUSY;
  s->riov.iov_base = r->recvbufs + (size_t)slot * r->recv_size;
  s->riov.iov_len = r->recv_size;
  memset(&s->rmsg, 0, sizeof s->rmsg);
  s->rmsg.msg_name = s->raddr;
  s->rmsg.msg_namelen = ADDR_SLOT;
  s->rmsg.msg_iov = &s->riov;
  s->rmsg.msg_iovlen = 1;
  sqe->opcode = IORING_OP_RECVMSG;
  sqe->flags = IOSQE_FIXED_FILE | link_flags;
  sqe->ioprio = IORING_RECVSEND_POLL_FIRST; /* a reply cannot be there yet: wait for readiness at once */
  sqe->fd = (int)slot;
  sqe->addr = (uint64_t)(uintptr_t)&s->rmsg;
  sqe->len = 1;
  sqe->user_data = ring_ud(UD_RECV, s->gen, slot);
  s->armed = 1;
  return 0;
}

/* Queues a send of `length` bytes of `data` to `addr` from slot's socket (linked: after the entry before it). */
static int ring_queue_send(ring_t *r, uint32_t slot, const char *data, uint32_t length, const char *addr, socklen_t namelen, uint8_t flags) {
  ring_slot *s = &r->slots[slot];
  /*
   * The slot has one buffer and one msghdr for sends: a send still queued (a forward to several servers sends
   * from one socket) leaves first, before they are filled again.
   */
  if (s->sending && s->send_epoch == r->epoch && ring_submit(r, 0) < 0) return -EBUSY;
  struct io_uring_sqe *sqe = ring_sqe(r);
  if (!sqe) return -EBUSY;
  s->sending = 1;
  s->send_epoch = r->epoch;
  char *buf = r->sendbufs + (size_t)slot * RING_SEND_MAX;
  memcpy(buf, data, length);
  memcpy(s->saddr, addr, ADDR_SLOT);
  s->siov.iov_base = buf;
  s->siov.iov_len = length;
  memset(&s->smsg, 0, sizeof s->smsg);
  s->smsg.msg_name = s->saddr;
  s->smsg.msg_namelen = namelen;
  s->smsg.msg_iov = &s->siov;
  s->smsg.msg_iovlen = 1;
  sqe->opcode = IORING_OP_SENDMSG;
  sqe->flags = IOSQE_FIXED_FILE | IOSQE_CQE_SKIP_SUCCESS | flags;
  sqe->fd = (int)slot;
  sqe->addr = (uint64_t)(uintptr_t)&s->smsg;
  sqe->len = 1;
  sqe->msg_flags = MSG_DONTWAIT;
  sqe->user_data = ring_ud(UD_OTHER, s->gen, slot);
  return 0;
}

static void ring_finalize(napi_env env, void *data, void *hint) {
  (void)env;
  (void)hint;
  ring_t *r = data;
  if (!r->closed) ring_free(r);
  free(r);
}

static ring_t *ring_arg(napi_env env, napi_value v) {
  ring_t *r = NULL;
  if (napi_get_value_external(env, v, (void **)&r) != napi_ok || !r) {
    fail(env, "udp-batch: expected a ring");
    return NULL;
  }
  if (r->closed) {
    fail(env, "udp-batch: the ring is closed");
    return NULL;
  }
  return r;
}

/*
 * ringOpen(slots, recvSize) -> a ring, or -errno where io_uring cannot be used: at most `slots` forward sockets
 * open at once (direct descriptors), each reply read into `recvSize` bytes (a longer one arrives cut to that).
 */
static napi_value ring_open(napi_env env, napi_callback_info info) {
  size_t argc = 2;
  napi_value argv[2];
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  uint32_t nslots, recv_size;
  if (argc < 2 || napi_get_value_uint32(env, argv[0], &nslots) != napi_ok || nslots == 0 || nslots > 65536 ||
      napi_get_value_uint32(env, argv[1], &recv_size) != napi_ok || recv_size == 0 || recv_size > 65536) {
    fail(env, "udp-batch: expected (slots 1..65536, recvSize 1..65536)");
    return NULL;
  }
  /* Direct descriptors count against RLIMIT_NOFILE as a table: take no more than it allows. */
  struct rlimit lim;
  if (getrlimit(RLIMIT_NOFILE, &lim) == 0 && lim.rlim_cur != RLIM_INFINITY && lim.rlim_cur / 2 < nslots) nslots = (uint32_t)(lim.rlim_cur / 2);
  if (nslots == 0) return number(env, -EMFILE);
  ring_t *r = calloc(1, sizeof *r);
  if (!r) return number(env, -ENOMEM);
  r->fd = r->efd = -1;
  r->nslots = nslots;
  r->recv_size = recv_size;
  int rc = ring_setup(r);
  if (rc == 0) {
    struct io_uring_rsrc_register reg;
    memset(&reg, 0, sizeof reg);
    reg.nr = nslots;
    reg.flags = IORING_RSRC_REGISTER_SPARSE;
    if (sys_uring_register(r->fd, IORING_REGISTER_FILES2, &reg, sizeof reg) < 0) rc = -errno;
  }
  if (rc == 0) {
    r->efd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    if (r->efd < 0 || sys_uring_register(r->fd, IORING_REGISTER_EVENTFD, &r->efd, 1) < 0) rc = -errno;
  }
  if (rc == 0) {
    r->slots = calloc(nslots, sizeof *r->slots);
    r->free_list = malloc(nslots * sizeof *r->free_list);
    r->sendbufs = mmap(NULL, (size_t)nslots * RING_SEND_MAX, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    r->recvbufs = mmap(NULL, (size_t)nslots * recv_size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (!r->slots || !r->free_list || r->sendbufs == MAP_FAILED || r->recvbufs == MAP_FAILED) rc = -ENOMEM;
  }
  if (rc != 0) {
    ring_free(r);
    free(r);
    return number(env, rc);
  }
  /* Lowest slots first: the few in use keep touching the same pages of the buffers. */
  for (uint32_t i = 0; i < nslots; i++) r->free_list[i] = nslots - 1 - i;
  r->nfree = nslots;
  napi_value external;
  napi_create_external(env, r, ring_finalize, NULL, &external);
  return external;
}

/* ringEventFd(ring) -> the descriptor that becomes readable when completions wait (watch it). */
static napi_value ring_event_fd(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1];
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  ring_t *r = argc >= 1 ? ring_arg(env, argv[0]) : NULL;
  if (!r) return NULL;
  return number(env, r->efd);
}

/* A send's arguments (data, length, addr) from argv[0..2]; false once a JS error is thrown for bad ones. */
typedef struct {
  char *data;
  uint32_t length;
  char *addr;
} send_args;

static int read_send_args(napi_env env, napi_value *argv, send_args *a, const char *usage) {
  size_t data_len, addr_len;
  if (napi_get_buffer_info(env, argv[0], (void **)&a->data, &data_len) != napi_ok || napi_get_value_uint32(env, argv[1], &a->length) != napi_ok ||
      a->length > data_len || napi_get_buffer_info(env, argv[2], (void **)&a->addr, &addr_len) != napi_ok || addr_len < ADDR_SLOT) {
    fail(env, usage);
    return 0;
  }
  return 1;
}

/* 0 when a checked send can be queued, else the -errno to return for it. */
static int send_refusal(const send_args *a, socklen_t namelen) {
  if (namelen == 0) return -EAFNOSUPPORT;
  if (a->length > RING_SEND_MAX) return -EMSGSIZE;
  return 0;
}

/* Submits what is queued unless `entries` more still fit in the submission queue; false if that submit failed. */
static int ring_make_room(ring_t *r, unsigned entries) {
  if (r->sq_entries - (r->sq_local - atomic_load_explicit(r->sq_head, memory_order_acquire)) >= entries) return 1;
  return ring_submit(r, 0) >= 0;
}

/*
 * ringForward(ring, family, data, length, addr) -> slot, or -1 when every slot is taken (use another way),
 * or -errno: queues a fresh socket of `family` in a free slot, the send of `length` bytes of `data` to the raw
 * sockaddr `addr` (bound by it to the kernel's random port), and the wait for its reply.
 */
static napi_value ring_forward(napi_env env, napi_callback_info info) {
  size_t argc = 5;
  napi_value argv[5];
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  int32_t family;
  send_args a;
  ring_t *r = argc >= 5 ? ring_arg(env, argv[0]) : NULL;
  if (!r) {
    if (argc < 5) fail(env, "udp-batch: expected (ring, 4 | 6, data, length, addr)");
    return NULL;
  }
  if (napi_get_value_int32(env, argv[1], &family) != napi_ok || (family != 4 && family != 6)) {
    fail(env, "udp-batch: expected (ring, 4 | 6, data, length, addr) with a family of 4 or 6");
    return NULL;
  }
  if (!read_send_args(env, argv + 2, &a, "udp-batch: expected (ring, 4 | 6, data, length, addr) with length within data and a 28-byte addr")) return NULL;
  socklen_t namelen = address_length(a.addr);
  int refusal = send_refusal(&a, namelen);
  if (refusal) return number(env, refusal);
  if (r->nfree == 0) return number(env, -1);
  /* Room for the three entries, so that a forward's start never straddles two submissions. */
  if (!ring_make_room(r, 3)) return number(env, -EBUSY);
  uint32_t slot = r->free_list[--r->nfree];
  ring_slot *s = &r->slots[slot];
  s->gen = (s->gen + 1) & 0xffffff;
  s->state = SLOT_OPEN;
  s->armed = 0;
  r->open++;
  struct io_uring_sqe *sqe = ring_sqe(r);
  sqe->opcode = IORING_OP_SOCKET;
  sqe->flags = IOSQE_CQE_SKIP_SUCCESS;
  sqe->fd = family == 4 ? AF_INET : AF_INET6;
  sqe->off = SOCK_DGRAM | SOCK_NONBLOCK; /* no SOCK_CLOEXEC: a direct descriptor has no fd to inherit (EINVAL) */
  sqe->len = 0;
  sqe->file_index = slot + 1;
  sqe->user_data = ring_ud(UD_OTHER, s->gen, slot);
  ring_queue_send(r, slot, a.data, a.length, a.addr, namelen, 0);
  ring_queue_recv(r, slot, 0);
  return number(env, (int32_t)slot);
}

static ring_slot *open_slot_arg(napi_env env, ring_t *r, napi_value v, uint32_t *slot) {
  if (napi_get_value_uint32(env, v, slot) != napi_ok || *slot >= r->nslots || r->slots[*slot].state != SLOT_OPEN) {
    fail(env, "udp-batch: expected an open slot");
    return NULL;
  }
  return &r->slots[*slot];
}

/* The ring and open slot of a call whose first two arguments are (ring, slot); NULL once a JS error is thrown. */
static ring_slot *ring_slot_args(napi_env env, napi_value *argv, size_t argc, size_t wanted, const char *usage, ring_t **r, uint32_t *slot) {
  *r = argc >= wanted ? ring_arg(env, argv[0]) : NULL;
  if (!*r) {
    if (argc < wanted) fail(env, usage);
    return NULL;
  }
  return open_slot_arg(env, *r, argv[1], slot);
}

/* ringSend(ring, slot, data, length, addr) -> 0 or -errno: queues another send from slot's socket. */
static napi_value ring_send(napi_env env, napi_callback_info info) {
  size_t argc = 5;
  napi_value argv[5];
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  uint32_t slot;
  ring_t *r;
  send_args a;
  if (!ring_slot_args(env, argv, argc, 5, "udp-batch: expected (ring, slot, data, length, addr)", &r, &slot)) return NULL;
  if (!read_send_args(env, argv + 2, &a, "udp-batch: expected (ring, slot, data, length, addr) with length within data and a 28-byte addr")) return NULL;
  socklen_t namelen = address_length(a.addr);
  int refusal = send_refusal(&a, namelen);
  if (refusal) return number(env, refusal);
  return number(env, ring_queue_send(r, slot, a.data, a.length, a.addr, namelen, 0));
}

/* ringRearm(ring, slot) -> 0 or -errno: waits for the socket's next datagram (after a rejected one). */
static napi_value ring_rearm(napi_env env, napi_callback_info info) {
  size_t argc = 2;
  napi_value argv[2];
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  uint32_t slot;
  ring_t *r;
  ring_slot *s = ring_slot_args(env, argv, argc, 2, "udp-batch: expected (ring, slot)", &r, &slot);
  if (!s) return NULL;
  if (s->armed) return number(env, 0);
  return number(env, ring_queue_recv(r, slot, 0));
}

/* ringRelease(ring, slot): the forward is over; queues the end of its receive and the close of its socket. */
static napi_value ring_release(napi_env env, napi_callback_info info) {
  size_t argc = 2;
  napi_value argv[2];
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  uint32_t slot;
  ring_t *r;
  ring_slot *s = ring_slot_args(env, argv, argc, 2, "udp-batch: expected (ring, slot)", &r, &slot);
  if (!s) return NULL;
  ring_make_room(r, 2); /* a failed submit leaves ring_sqe to refuse the entries */
  if (s->armed) {
    struct io_uring_sqe *sqe = ring_sqe(r);
    if (sqe) {
      sqe->opcode = IORING_OP_ASYNC_CANCEL;
      sqe->flags = IOSQE_CQE_SKIP_SUCCESS;
      sqe->addr = ring_ud(UD_RECV, s->gen, slot);
      sqe->user_data = ring_ud(UD_OTHER, s->gen, slot);
    }
  }
  struct io_uring_sqe *sqe = ring_sqe(r);
  if (sqe) {
    sqe->opcode = IORING_OP_CLOSE;
    sqe->flags = IOSQE_CQE_SKIP_SUCCESS;
    sqe->file_index = slot + 1;
    sqe->user_data = ring_ud(UD_OTHER, s->gen, slot);
  }
  s->state = SLOT_FREE;
  s->armed = 0;
  s->gen = (s->gen + 1) & 0xffffff; /* completions of the old socket are stale from now on */
  r->free_list[r->nfree++] = slot;
  r->open--;
  return NULL;
}

/* ringSubmit(ring) -> entries submitted, or -errno: hands the queued forwards, sends and closes to the kernel. */
static napi_value ring_submit_js(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1];
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  ring_t *r = argc >= 1 ? ring_arg(env, argv[0]) : NULL;
  if (!r) return NULL;
  return number(env, ring_submit(r, 0));
}

/*
 * ringReap(ring, data, slot, lens, addrs, slots, tail, tailSlot) -> replies read (0: none), or -errno: submits
 * what is queued, runs the ring's completions and copies each reply into consecutive batch slots (as
 * recvReady does), slots[i] naming the ring slot it came to. Never blocks. A full batch may leave replies
 * waiting: call it again.
 */
static napi_value ring_reap(napi_env env, napi_callback_info info) {
  size_t argc = 8;
  napi_value argv[8];
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  if (argc < 8) {
    fail(env, "udp-batch: expected (ring, data, slot, lens, addrs, slots, tail, tailSlot)");
    return NULL;
  }
  ring_t *r = ring_arg(env, argv[0]);
  if (!r) return NULL;
  napi_value bargs[5] = {argv[0], argv[1], argv[2], argv[3], argv[4]};
  /* read_batch_args wants an fd first: give it 0 and use only the buffers. */
  napi_value zero = number(env, 0);
  bargs[0] = zero;
  batch_args a;
  size_t capacity;
  if (!read_batch_args(env, bargs, 5, &a, &capacity)) return NULL;
  napi_typedarray_type type;
  size_t out_len;
  void *out_data;
  char *tail;
  size_t tail_len;
  uint32_t tail_slot;
  if (napi_get_typedarray_info(env, argv[5], &type, &out_len, &out_data, NULL, NULL) != napi_ok || type != napi_int32_array ||
      napi_get_buffer_info(env, argv[6], (void **)&tail, &tail_len) != napi_ok || napi_get_value_uint32(env, argv[7], &tail_slot) != napi_ok || tail_slot == 0) {
    fail(env, "udp-batch: slots must be an Int32Array, tail a Buffer and tailSlot a positive number");
    return NULL;
  }
  int32_t *out = out_data;
  if (out_len < capacity) capacity = out_len;
  if (tail_len / tail_slot < capacity) capacity = tail_len / tail_slot;
  uint64_t drained;
  while (read(r->efd, &drained, sizeof drained) < 0 && errno == EINTR) {}
  int rc = ring_submit(r, 0);
  if (rc < 0 && rc != -EBUSY && rc != -EAGAIN) return number(env, rc);
  size_t got = 0;
  unsigned head = atomic_load_explicit(r->cq_head, memory_order_relaxed);
  unsigned tail_idx = atomic_load_explicit(r->cq_tail, memory_order_acquire);
  while (head != tail_idx && got < capacity) {
    struct io_uring_cqe *cqe = &r->cqes[head & r->cq_mask];
    uint64_t ud = cqe->user_data;
    int32_t res = cqe->res;
    head++;
    if ((ud >> 56) != UD_RECV) continue; /* a failed socket, send, cancel or close: the forward times out */
    uint32_t slot = (uint32_t)ud;
    uint32_t gen = (uint32_t)(ud >> 32) & 0xffffff;
    if (slot >= r->nslots) continue;
    ring_slot *s = &r->slots[slot];
    if (s->state != SLOT_OPEN || s->gen != gen) continue; /* released meanwhile */
    s->armed = 0;
    if (res < 0) continue; /* cancelled (the socket could not be opened or the send failed), or an error */
    size_t len = (size_t)res;
    const char *src = r->recvbufs + (size_t)slot * r->recv_size;
    size_t first = len < a.slot ? len : a.slot;
    memcpy(a.data + got * a.slot, src, first);
    if (len > first) {
      size_t rest = len - first;
      if (rest > tail_slot) rest = tail_slot;
      memcpy(tail + got * tail_slot, src + first, rest);
    }
    a.lens[got] = len > (size_t)a.slot + tail_slot ? -1 : (int32_t)len;
    memcpy(a.addrs + got * ADDR_SLOT, s->raddr, ADDR_SLOT);
    out[got] = (int32_t)slot;
    got++;
  }
  atomic_store_explicit(r->cq_head, head, memory_order_release);
  /* Completions left (a full batch): make sure the eventfd says so, so the next reap is not forgotten. */
  if (head != atomic_load_explicit(r->cq_tail, memory_order_acquire)) {
    uint64_t one = 1;
    (void)!write(r->efd, &one, sizeof one);
  }
  return number(env, (int32_t)got);
}

/* ringClose(ring): closes the ring with every socket it holds. Idempotent. */
static napi_value ring_close_js(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1];
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  ring_t *r = NULL;
  if (argc < 1 || napi_get_value_external(env, argv[0], (void **)&r) != napi_ok || !r) {
    fail(env, "udp-batch: expected a ring");
    return NULL;
  }
  if (!r->closed) ring_free(r);
  return NULL;
}
#endif /* HAVE_RING */

NAPI_MODULE_INIT() {
  napi_property_descriptor props[] = {
      {"recv", NULL, batch_recv, NULL, NULL, NULL, napi_enumerable, NULL},
      {"send", NULL, batch_send, NULL, NULL, NULL, napi_enumerable, NULL},
      {"sendTo", NULL, batch_send_to, NULL, NULL, NULL, napi_enumerable, NULL},
      {"watch", NULL, batch_watch, NULL, NULL, NULL, napi_enumerable, NULL},
      {"unwatch", NULL, batch_unwatch, NULL, NULL, NULL, napi_enumerable, NULL},
      {"limitMallocArenas", NULL, batch_limit_arenas, NULL, NULL, NULL, napi_enumerable, NULL},
      {"mmapThreshold", NULL, batch_mmap_threshold, NULL, NULL, NULL, napi_enumerable, NULL},
      {"ntop", NULL, batch_ntop, NULL, NULL, NULL, napi_enumerable, NULL},
      {"openUdp", NULL, batch_open_udp, NULL, NULL, NULL, napi_enumerable, NULL},
      {"localPort", NULL, batch_local_port, NULL, NULL, NULL, napi_enumerable, NULL},
      {"closeFd", NULL, batch_close_fd, NULL, NULL, NULL, napi_enumerable, NULL},
      {"pollSet", NULL, batch_poll_set, NULL, NULL, NULL, napi_enumerable, NULL},
      {"pollAdd", NULL, batch_poll_add, NULL, NULL, NULL, napi_enumerable, NULL},
      {"recvReady", NULL, batch_recv_ready, NULL, NULL, NULL, napi_enumerable, NULL},
      {"openSend", NULL, batch_open_send, NULL, NULL, NULL, napi_enumerable, NULL},
      {"closeFds", NULL, batch_close_fds, NULL, NULL, NULL, napi_enumerable, NULL},
#ifdef HAVE_RING
      {"ringOpen", NULL, ring_open, NULL, NULL, NULL, napi_enumerable, NULL},
      {"ringEventFd", NULL, ring_event_fd, NULL, NULL, NULL, napi_enumerable, NULL},
      {"ringForward", NULL, ring_forward, NULL, NULL, NULL, napi_enumerable, NULL},
      {"ringSend", NULL, ring_send, NULL, NULL, NULL, napi_enumerable, NULL},
      {"ringRearm", NULL, ring_rearm, NULL, NULL, NULL, napi_enumerable, NULL},
      {"ringRelease", NULL, ring_release, NULL, NULL, NULL, napi_enumerable, NULL},
      {"ringSubmit", NULL, ring_submit_js, NULL, NULL, NULL, napi_enumerable, NULL},
      {"ringReap", NULL, ring_reap, NULL, NULL, NULL, napi_enumerable, NULL},
      {"ringClose", NULL, ring_close_js, NULL, NULL, NULL, napi_enumerable, NULL},
#endif
  };
  napi_define_properties(env, exports, sizeof props / sizeof props[0], props);
  napi_value max_batch, addr_slot;
  napi_create_int32(env, MAX_BATCH, &max_batch);
  napi_create_int32(env, ADDR_SLOT, &addr_slot);
  napi_set_named_property(env, exports, "maxBatch", max_batch);
  napi_set_named_property(env, exports, "addrSlot", addr_slot);
  return exports;
}
