/** Bundles the CLI from source into `outdir` (layout in bundle.mjs); resolves to the path of `cli.js`. */
export function bundleCli(outdir: string, options?: { sourcemap?: boolean; logLevel?: 'silent' | 'error' | 'warning' | 'info' }): Promise<string>;

/** V8 flags the launcher's #! line starts node with. */
export const STARTUP_FLAGS: readonly string[];
