/** The dnsmasq argv `forward` runs: the manifest's dnsmasq arguments (if any) followed by the ones given after `--`. */
import { readFileSync } from 'node:fs';
import { readStdinText, STDIN_ARG, STDIN_LABEL } from '../read-stdin.js';

export interface ForwardArgv {
  readonly words: string[];
  /** Notes for stderr (which container was used, templated words). */
  readonly notes: string[];
}

/** Loaded on demand: the forward bundle keeps the manifest reader (and its YAML parser) in a file of its own. */
const manifestReader = () => import('@kube-dns-tools/core/manifest/read-manifest');

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
  const { readManifest } = await manifestReader();
  const model = readManifest(text, fromStdin ? {} : { filePath: manifestPath });
  const label = fromStdin ? STDIN_LABEL : manifestPath;
  const invocation = model.invocations[0];
  if (!invocation) throw new Error(`${label}: no dnsmasq container found`);
  const notes: string[] = [];
  const where = `${invocation.workload.kind}${invocation.workload.name ? `/${invocation.workload.name}` : ''}${invocation.containerName ? ` container ${invocation.containerName}` : ''}`;
  notes.push(`using the dnsmasq arguments of ${where} in ${label}`);
  if (model.invocations.length > 1) notes.push(`${label} holds ${model.invocations.length} dnsmasq containers; only the first is run`);
  const templated = invocation.args.filter((a) => a.templated).map((a) => a.text);
  if (templated.length > 0) notes.push(`arguments with template placeholders are passed as written: ${templated.join(' ')}`);
  return { words: [...invocation.args.map((a) => a.text), ...extra], notes };
}
