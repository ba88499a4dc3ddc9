/**
 * Memory settings for a long-running forwarder, whose peak RSS is one of its published numbers
 * (bench/forwarder). Measured there under cache-miss load, each with no CPU cost that showed:
 * - semi-spaces kept at their initial size: a forwarder's garbage dies young, and growing them to
 *   16 MB doubled peak RSS;
 * - `--optimize-for-size`: smaller old-generation growth steps (83 -> 68 MiB);
 * - glibc serves allocations from 8 KiB up (Node's Buffer pool slabs among them) with their own mappings,
 *   returned when freed: the malloc heap no longer keeps the high-water mark of a load test (-1.5 MiB peak,
 *   no throughput change measured);
 * - one glibc malloc arena for the whole process (-3.5 MiB): glibc otherwise gives each of V8's helper threads
 *   that allocates its own arena, megabytes each; threads that first allocate afterwards share it;
 * Tried and left out: `--single-threaded-gc` or `--no-parallel-marking` set at run time crash V8 under
 * load; forcing collections at a heap budget cost a quarter of the miss throughput for 1 MiB.
 */
import { udpBatch } from '@kube-dns-tools/udp-batch';
import v8 from 'node:v8';

const MMAP_THRESHOLD = 8192;

export function tuneForwarderMemory(): void {
  udpBatch?.limitMallocArenas(1);
  udpBatch?.mmapThreshold(MMAP_THRESHOLD);
  v8.setFlagsFromString('--semi-space-growth-factor=1');
  v8.setFlagsFromString('--optimize-for-size');
}
