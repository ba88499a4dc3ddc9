import { parseArgv } from '@kube-dns-tools/core/dnsmasq/argv';
import type { ParsedArgv, ParsedOption } from '@kube-dns-tools/core/dnsmasq/parsed-argv';
import type { DnsmasqInvocation, ManifestModel } from '@kube-dns-tools/core/manifest/model';
import { readManifest } from '@kube-dns-tools/core/manifest/read-manifest';

/** A document's dnsmasq invocations with their parsed argv, for hover and completion. */
export interface ManifestView {
  readonly model: ManifestModel;
  readonly invocations: readonly { readonly invocation: DnsmasqInvocation; readonly argv: ParsedArgv }[];
}

const cache = new Map<string, { version: number; view: ManifestView }>();

export function manifestView(uri: string, version: number, text: string, filePath: string | undefined): ManifestView {
  const hit = cache.get(uri);
  if (hit?.version === version) return hit.view;
  const model = readManifest(text, { filePath });
  const view: ManifestView = {
    model,
    invocations: model.invocations.map((invocation) => ({ invocation, argv: parseArgv(invocation.args) })),
  };
  cache.set(uri, { version, view });
  return view;
}

export function forgetManifestView(uri: string): void {
  cache.delete(uri);
}

export interface OptionHit {
  readonly option: ParsedOption;
  readonly invocation: DnsmasqInvocation;
  /** The offset lies on the value rather than the name. */
  readonly onValue: boolean;
}

/** The dnsmasq option whose name or value covers `offset` (end inclusive, as a cursor after the last letter). */
export function optionAt(view: ManifestView, offset: number): OptionHit | undefined {
  for (const { invocation, argv } of view.invocations) {
    for (const option of argv.options) {
      const value = option.valueRange;
      if (value && value.start <= offset && offset <= value.end && value.end > value.start) {
        return { option, invocation, onValue: true };
      }
      if (option.nameRange.start <= offset && offset <= option.nameRange.end) return { option, invocation, onValue: false };
    }
  }
  return undefined;
}
