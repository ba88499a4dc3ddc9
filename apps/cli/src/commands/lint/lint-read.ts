import { existsSync, lstatSync, readFileSync } from 'node:fs';
import { reason } from './lint-files.js';

export type ReadResult =
  | { readonly ok: true; readonly text: string; readonly bom: boolean }
  | { readonly ok: false; readonly message: string };

export const MAX_BYTES = 64 * 1024 * 1024;

/** Reads a manifest as UTF-8 text; binary or non-UTF-8 files are refused with a message, never an exception. */
export function readManifestFile(path: string): ReadResult {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    if (isDanglingLink(path)) return { ok: false, message: `${path}: skipped: a symbolic link to a file that does not exist` };
    return { ok: false, message: `${path}: cannot read: ${reason(error)}` };
  }
  return decodeManifestBytes(bytes, path);
}

/** The same checks for bytes read elsewhere (standard input); `path` names them in messages. */
export function decodeManifestBytes(bytes: Buffer, path: string): ReadResult {
  if (bytes.length > MAX_BYTES) return { ok: false, message: `${path}: skipped: larger than 64 MiB` };
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { ok: false, message: `${path}: skipped: UTF-16 text; save it as UTF-8 to lint it` };
  }
  if (bytes.subarray(0, 8192).includes(0)) return { ok: false, message: `${path}: skipped: a binary file, not a manifest` };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return { ok: false, message: `${path}: skipped: not UTF-8 text` };
  }
  const bom = text.charCodeAt(0) === 0xfeff;
  return { ok: true, text: bom ? text.slice(1) : text, bom };
}

function isDanglingLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink() && !existsSync(path);
  } catch {
    return false;
  }
}
