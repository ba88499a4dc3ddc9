/** The npm package's name: `kube-dns-tools`. */
export const PACKAGE_NAME: string;
/** The package.json written into the tarball. */
export function packageManifest(): { name: string; version: string; bin: Record<string, string>; files: string[]; engines: { node: string }; scripts: Record<string, string> };
/** Writes the package's files into `dir`; resolves to `dir`. */
export function stagePackage(dir: string): Promise<string>;
/** Stages and packs the package into `outDir` (default apps/cli); resolves to the .tgz path. */
export function packPackage(outDir?: string): Promise<string>;
