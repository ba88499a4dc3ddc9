/**
 * Memory settings for a long-running forwarder, whose peak RSS is one of its published numbers
 * (bench/forwarder). Measured there under cache-miss load, each with no CPU cost that showed:
 * - semi-spaces kept at their initial size: a forwarder's garbage dies young, and growing them to
 *   16 MB doubled peak RSS;
 * - `--optimize-for-size`: smaller old-generation growth steps (83 -> 68 MiB);
 * (packages/udp-batch also limits glibc to one malloc arena as soon as it loads: -3.5 MiB.)
 * Tried and left out: `--single-threaded-gc` or `--no-parallel-marking` set at run time crash V8 under
 * load; forcing collections at a heap budget cost a quarter of the miss throughput for 1 MiB.
 */
import v8 from 'node:v8';

export function tuneForwarderMemory(): void {
  v8.setFlagsFromString('--semi-space-growth-factor=1');
  v8.setFlagsFromString('--optimize-for-size');
}
