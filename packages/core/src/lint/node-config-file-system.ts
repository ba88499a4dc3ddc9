import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ConfDirFileSystem } from './conf-dir-siblings.js';
import type { ConfigFileSystem } from './config-file.js';

/** A config file larger than this is not a `.kube-dns-tools.yaml` anyone wrote; it is skipped, not read. */
const MAX_CONFIG_BYTES = 1024 * 1024;

function readSmallFile(path: string): string | undefined {
  try {
    if (statSync(path).size > MAX_CONFIG_BYTES) return undefined;
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** The config lookup's view of the real disk, for the faces that run on Node (CLI, language server). */
export const nodeConfigFileSystem: ConfigFileSystem = {
  readFile: readSmallFile,
  exists: (path) => existsSync(path),
};

/** The conf-dir reader's view of the real disk: regular files (and links to them), as dnsmasq's stat() sees them. */
export const nodeConfDirFileSystem: ConfDirFileSystem = {
  listFiles(dir) {
    try {
      return readdirSync(dir).filter((name) => {
        try {
          return statSync(join(dir, name)).isFile();
        } catch {
          return true; // A dangling link is listed, then cannot be read: the folder is not judged.
        }
      });
    } catch {
      return undefined;
    }
  },
  readFile: readSmallFile,
};
