/** The dnsmasq argv `forward` runs: the manifest's dnsmasq arguments (if any) followed by the ones given after `--`. */
import { readFileSync } from 'node:fs';
import { readStdinText, STDIN_ARG, STDIN_LABEL } from '../read-stdin.js';

export interface ForwardArgv {
  readonly words: string[];
  /** Notes for stderr (which container was used). */
  readonly notes: string[];
}

/** Loaded on demand: the forward bundle keeps the manifest reader (and its YAML parser) in a file of its own. */
const manifestReader = () => import('@kube-dns-tools/core/runtime/manifest-argv');

export async function forwardArgv(manifestPath: string | undefined, extra: readonly string[]): Promise<ForwardArgv> {
  if (!manifestPath) return { words: [...extra], notes: [] };
  const fromStdin = manifestPath === STDIN_ARG;
  let text: string;
  try {
    text = fromStdin ? readStdinText() : readFileSync(manifestPath, 'utf8');
  } catch (e) {
    if (fromStdin) throw e;
    throw new Error(`cannot read ${manifestPath}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'No such file or directory' : (e as Error).message}`);
  }
  const { manifestArgv } = await manifestReader();
  const { words, notes } = fromStdin ? manifestArgv(text, undefined, STDIN_LABEL) : manifestArgv(text, manifestPath);
  return { words: [...words, ...extra], notes };
}
