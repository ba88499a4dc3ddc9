/** Bundles the CLI from source into `outdir` (layout in bundle.mjs); resolves to the path of `cli.js`. */
export function bundleCli(outdir: string, options?: { sourcemap?: boolean; logLevel?: 'silent' | 'error' | 'warning' | 'info' }): Promise<string>;
