import type { CfBlock, CfDirective, CfToken, Corefile } from './model.js';

/** What sits at an offset of a linted document, for hover and completion. */
export type CorefilePlace =
  | { readonly kind: 'plugin'; readonly directive: CfDirective; readonly token: CfToken }
  | { readonly kind: 'option'; readonly plugin: CfDirective; readonly option: CfDirective; readonly token: CfToken }
  /** Inside a block at a line start: `plugin` is the plugin whose options belong here, absent in a server block. */
  | { readonly kind: 'block'; readonly plugin?: CfDirective };

const within = (t: { start: number; end: number }, offset: number): boolean => offset >= t.start && offset <= t.end;

function inside(block: CfBlock, offset: number): boolean {
  if (!block.open || offset < block.open.end) return false;
  return block.close ? offset <= block.close.start : true;
}

export function corefileAt(corefiles: readonly Corefile[], offset: number): CorefilePlace | undefined {
  for (const corefile of corefiles) {
    const { range } = corefile.source;
    if (offset < range.start || offset > range.end) continue;
    for (const server of corefile.servers) {
      for (const d of server.block.directives) {
        if (within(d.name, offset)) return { kind: 'plugin', directive: d, token: d.name };
        for (const option of d.block?.directives ?? []) {
          if (within(option.name, offset)) return { kind: 'option', plugin: d, option, token: option.name };
        }
        if (d.block && inside(d.block, offset)) return { kind: 'block', plugin: d };
      }
      if (inside(server.block, offset)) return { kind: 'block' };
    }
  }
  return undefined;
}
