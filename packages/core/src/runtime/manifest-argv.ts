// A manifest's dnsmasq invocation as the argv dnsmasq would get: the one reading every face runs.
import { readManifest } from '../manifest/read-manifest.js';

export interface ManifestArgv {
  readonly words: string[];
  /** `Deployment/kube-dns container dnsmasq`. */
  readonly where: string;
  readonly container: string;
  /** For the user: which container was used, and that others were left out. */
  readonly notes: string[];
}

/** 1-based line of `offset` in `text`. */
function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/**
 * The argv of the manifest's first dnsmasq container. Throws an Error naming the file when there is none, and
 * the word and its line when a word holds a template placeholder: what it becomes is not known until the
 * template is rendered, so nothing runs on a guess.
 */
export function manifestArgv(text: string, filePath?: string, label: string = filePath ?? 'manifest'): ManifestArgv {
  const model = readManifest(text, filePath === undefined ? {} : { filePath });
  const invocation = model.invocations[0];
  if (!invocation) throw new Error(`${label}: no dnsmasq container found`);
  const templated = invocation.args.find((arg) => arg.templated);
  if (templated) {
    throw new Error(
      `${label}:${lineAt(text, templated.start)}: the dnsmasq argument ${JSON.stringify(templated.text)} holds a template placeholder; render the template first (helm template, kustomize build) and use the result`,
    );
  }
  const workload = `${invocation.workload.kind}${invocation.workload.name ? `/${invocation.workload.name}` : ''}`;
  const where = `${workload}${invocation.containerName ? ` container ${invocation.containerName}` : ''}`;
  const notes = [`using the dnsmasq arguments of ${where} in ${label}`];
  if (model.invocations.length > 1) notes.push(`${label} holds ${model.invocations.length} dnsmasq containers; only the first is run`);
  return { words: invocation.args.map((arg) => arg.text), where, container: invocation.containerName ?? 'dnsmasq', notes };
}
