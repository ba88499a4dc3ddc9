import { existsSync, readFileSync, statSync } from 'node:fs';
import type { ConfigFileSystem } from './config-file.js';

/** A config file larger than this is not a `.kube-dns-tools.yaml` anyone wrote; it is skipped, not read. */
const MAX_CONFIG_BYTES = 1024 * 1024;

/** The config lookup's view of the real disk, for the faces that run on Node (CLI, language server). */
export const nodeConfigFileSystem: ConfigFileSystem = {
  readFile(path) {
    try {
      if (statSync(path).size > MAX_CONFIG_BYTES) return undefined;
      return readFileSync(path, 'utf8');
    } catch {
      return undefined;
    }
  },
  exists: (path) => existsSync(path),
};
