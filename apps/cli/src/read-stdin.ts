/** Standard input as the commands take it with `-` in place of a file name (`lint -`, `--manifest -`). */
import { readSync } from 'node:fs';

/** The file name that means standard input. */
export const STDIN_ARG = '-';
/** How findings and notes name standard input when no `--stdin-filename` is given. */
export const STDIN_LABEL = '<stdin>';

const CHUNK = 64 * 1024;

/**
 * Reads all of standard input, synchronously, stopping after `limit` bytes (the result then has more than
 * `limit` bytes so the caller can refuse it). Retries when stdin is non-blocking (EAGAIN), as it is when a
 * parent process shares an O_NONBLOCK pipe or terminal.
 */
export function readStdinBytes(limit: number): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  const pause = new Int32Array(new SharedArrayBuffer(4));
  while (total <= limit) {
    const chunk = Buffer.allocUnsafe(CHUNK);
    let n: number;
    try {
      n = readSync(0, chunk, 0, CHUNK, null);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') {
        Atomics.wait(pause, 0, 0, 10);
        continue;
      }
      if (code === 'EOF') break;
      throw error;
    }
    if (n === 0) break;
    chunks.push(chunk.subarray(0, n));
    total += n;
  }
  return Buffer.concat(chunks, total);
}

/** Standard input as UTF-8 text, for `--manifest -`; throws an Error with a message naming stdin. */
export function readStdinText(limit = 64 * 1024 * 1024): string {
  let bytes: Buffer;
  try {
    bytes = readStdinBytes(limit);
  } catch (error) {
    throw new Error(`cannot read standard input: ${(error as Error).message}`);
  }
  if (bytes.length > limit) throw new Error(`standard input: larger than ${limit / 1024 / 1024} MiB`);
  const text = bytes.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
