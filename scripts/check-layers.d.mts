/** What each folder of packages/core/src may import besides itself. */
export const CORE_LAYERS: Readonly<Record<string, readonly string[]>>;
/**
 * Problems with the tree at `root` (import cycles, upward arrows in core, build scripts reaching out, faces importing
 * a workspace package outside its exports map), as sentences; empty when the shape holds.
 */
export function checkLayers(root: string): string[];
export function findCycles(graph: ReadonlyMap<string, readonly string[]>): string[][];
