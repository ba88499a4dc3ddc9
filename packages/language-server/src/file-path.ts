import { fileURLToPath } from 'node:url';

/** The local path of a `file:` URI; undefined for untitled buffers and other schemes. */
export function filePathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}
