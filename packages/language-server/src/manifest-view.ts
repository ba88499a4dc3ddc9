import { parseArgv } from '@kube-dns-tools/core/dnsmasq';
import type { ParsedArgv, ParsedOption } from '@kube-dns-tools/core/dnsmasq';
import type { DnsmasqInvocation, ManifestModel } from '@kube-dns-tools/core/manifest';
import { readManifest } from '@kube-dns-tools/core/manifest';

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

const cache = new Map<string, { version: number; views: Map<number, ManifestView> }>();

/** The view of the document holding `offset`, or undefined when that document is over the budget. */
export function manifestView(uri: string, version: number, text: string, filePath: string | undefined, offset: number): ManifestView | undefined {
  let hit = cache.get(uri);
  if (hit?.version !== version) {
    hit = { version, views: new Map() };
    cache.set(uri, hit);
  }
  const { start, end } = documentAround(text, offset);
  if (end - start > MAX_VIEWED_CHARS) return undefined;
  let view = hit.views.get(start);
  if (!view) {
    const model = readManifest(text.slice(start, end), { filePath });
    view = { base: start, model, invocations: model.invocations.map((invocation) => ({ invocation, argv: parseArgv(invocation.args) })) };
    hit.views.set(start, view);
  }
  return view;
}

/** A `---` that starts a line and is followed by a blank or the end: a document marker. */
function isMarker(text: string, at: number): boolean {
  const before = text.charCodeAt(at - 1);
  const after = text.charCodeAt(at + 3);
  return (at === 0 || before === 10 || before === 13) && (Number.isNaN(after) || after === 32 || after === 9 || after === 10 || after === 13);
}

/** The YAML document around `offset`, found by searching from it: never a scan of the whole text. */
function documentAround(text: string, offset: number): { start: number; end: number } {
  let start = 0;
  for (let at = text.lastIndexOf('---', offset); at > 0; at = text.lastIndexOf('---', at - 1)) {
    if (isMarker(text, at)) {
      start = at;
      break;
    }
  }
  let end = text.length;
  for (let at = text.indexOf('---', Math.max(offset, start + 1)); at !== -1; at = text.indexOf('---', at + 1)) {
    if (isMarker(text, at)) {
      end = at;
      break;
    }
  }
  return { start, end };
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
