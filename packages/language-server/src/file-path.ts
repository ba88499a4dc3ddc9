import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isStandaloneCorefileName } from '@kube-dns-tools/core/manifest';

/** The local path of a `file:` URI; undefined for untitled buffers and other schemes. */
export function filePathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/**
 * The path the lint reads the text as. A `corefile` document is a standalone Corefile whatever its URI
 * (an untitled buffer, or a file the user switched to the Corefile language): core picks the reader from the name.
 */
export function lintedFilePath(filePath: string | undefined, languageId: string | undefined): string | undefined {
  if (languageId !== 'corefile' || isStandaloneCorefileName(filePath)) return filePath;
  return filePath ? join(dirname(filePath), 'Corefile') : 'Corefile';
}
