/** `lint -`: one manifest from standard input, named by `--stdin-filename` (its reported path and file type). */
import { STDIN_ARG, STDIN_LABEL, readStdinBytes } from '../../read-stdin.js';
import { decodeManifestBytes, MAX_BYTES, type ReadResult } from './lint-read.js';

export type StdinRequest =
  /** `name`: the path findings report and the engine picks its reader by; undefined when linting files. */
  | { readonly name: string | undefined }
  | { readonly error: string };

/** Whether the command line asks to lint standard input, and under which name. */
export function stdinRequest(paths: readonly string[], stdinFilename: string | undefined): StdinRequest {
  if (!paths.includes(STDIN_ARG)) {
    return stdinFilename === undefined ? { name: undefined } : { error: '--stdin-filename names standard input: give `-` as the path' };
  }
  if (paths.length > 1) return { error: '`-` (standard input) cannot be mixed with other paths' };
  if (stdinFilename === '') return { error: '--stdin-filename: expected a file name' };
  return { name: stdinFilename ?? STDIN_LABEL };
}

/** Standard input with the checks a file gets (size, UTF-16, binary, UTF-8), messages naming `name`. */
export function readStdinManifest(name: string): ReadResult {
  let bytes: Buffer;
  try {
    bytes = readStdinBytes(MAX_BYTES);
  } catch (error) {
    return { ok: false, message: `${name}: cannot read standard input: ${error instanceof Error ? error.message : String(error)}` };
  }
  return decodeManifestBytes(bytes, name);
}
