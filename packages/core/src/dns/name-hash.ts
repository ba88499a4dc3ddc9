/** FNV-1a, 32 bits, over a string's UTF-16 code units, for the hash indexes that replace Maps on hot paths. */
export const FNV_OFFSET = 0x811c9dc5;

export function fnv1a(text: string, h = FNV_OFFSET): number {
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Mixes one more number into an FNV-1a hash. */
export function fnvMix(h: number, n: number): number {
  return Math.imul(h ^ n, 0x01000193) >>> 0;
}
