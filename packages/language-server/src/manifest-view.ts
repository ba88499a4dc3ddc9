import { parseArgv } from '@kube-dns-tools/core/dnsmasq/argv';
import type { ParsedArgv, ParsedOption } from '@kube-dns-tools/core/dnsmasq/parsed-argv';
import type { DnsmasqInvocation, ManifestModel } from '@kube-dns-tools/core/manifest/model';
import { splitDocuments, type DocumentChunk } from '@kube-dns-tools/core/manifest/document-chunks';
import { readManifest } from '@kube-dns-tools/core/manifest/read-manifest';

/**
 * The dnsmasq invocations of the YAML document under the cursor, with their parsed argv, for hover and completion.
 * Offsets in `model` and `invocations` count from `base`, where that document starts in the whole text.
 */
export interface ManifestView {
  readonly base: number;
  readonly model: ManifestModel;
  readonly invocations: readonly { readonly invocation: DnsmasqInvocation; readonly argv: ParsedArgv }[];
}

/**
 * Hover and completion run on the main thread: they read only the YAML document under the cursor, and not one
 * longer than this (`yaml` reads about 1.5 MB/s, so this costs at most a few hundred milliseconds).
 */
export const MAX_VIEWED_CHARS = 512 * 1024;

interface CachedText {
  version: number;
  chunks: readonly DocumentChunk[];
  views: Map<number, ManifestView>;
}

const cache = new Map<string, CachedText>();

/** The view of the document holding `offset`, or undefined when that document is over the budget. */
export function manifestView(uri: string, version: number, text: string, filePath: string | undefined, offset: number): ManifestView | undefined {
  let hit = cache.get(uri);
  if (hit?.version !== version) {
    hit = { version, chunks: splitDocuments(text), views: new Map() };
    cache.set(uri, hit);
  }
  const chunk = hit.chunks.find((c) => c.start <= offset && offset <= c.end) ?? hit.chunks[hit.chunks.length - 1]!;
  if (chunk.end - chunk.start > MAX_VIEWED_CHARS) return undefined;
  let view = hit.views.get(chunk.start);
  if (!view) {
    const model = readManifest(text.slice(chunk.start, chunk.end), { filePath });
    view = { base: chunk.start, model, invocations: model.invocations.map((invocation) => ({ invocation, argv: parseArgv(invocation.args) })) };
    hit.views.set(chunk.start, view);
  }
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

/** The dnsmasq option whose name or value covers text offset `at` (its ranges count from `view.base`) (end inclusive, as a cursor after the last letter). */
export function optionAt(view: ManifestView, at: number): OptionHit | undefined {
  const offset = at - view.base;
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
