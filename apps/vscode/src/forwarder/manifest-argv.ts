import { readManifest } from '@kube-dns-tools/core/manifest/read-manifest';

/** The argv of the manifest's first dnsmasq container, as dnsmasq would get it. */
export function manifestArgv(text: string, filePath: string | undefined): { words: string[]; container: string } {
  const model = readManifest(text, filePath === undefined ? {} : { filePath });
  const invocation = model.invocations[0];
  if (!invocation) throw new Error('this file has no dnsmasq container');
  const templated = invocation.args.filter((arg) => arg.templated);
  if (templated.length > 0) {
    throw new Error(`the dnsmasq arguments hold template placeholders (${templated.map((a) => a.text).join(', ')}); render the template first`);
  }
  return { words: invocation.args.map((arg) => arg.text), container: invocation.containerName ?? 'dnsmasq' };
}
