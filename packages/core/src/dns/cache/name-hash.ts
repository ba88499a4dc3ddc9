/**
 * FNV-1a, 32 bits, over a string's UTF-16 code units, for the hash indexes that replace Maps on hot paths.
 * Names come from the network, so the starting value is drawn at random per process: nobody can prepare a
 * set of names that all land in one bucket.
 */
import { randomBytes } from 'node:crypto';

const SEEDED_OFFSET = (0x811c9dc5 ^ randomBytes(4).readUInt32LE(0)) >>> 0;

export function fnv1a(text: string, h = SEEDED_OFFSET): number {
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Mixes one more number into an FNV-1a hash. */
export function fnvMix(h: number, n: number): number {
  return Math.imul(h ^ n, 0x01000193) >>> 0;
}
