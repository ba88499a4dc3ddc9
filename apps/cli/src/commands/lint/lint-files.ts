import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describeLintableNames, isLintableFileName } from '@kube-dns-tools/core/lint';

const SKIPPED_DIRS = new Set(['node_modules', '.git']);
/** Bounds the walk so a mistaken `lint /` ends. */
const MAX_FILES = 100_000;

export interface FileList {
  readonly files: string[];
  /** Clear messages for paths that could not be used (missing, unreadable, no manifests inside). */
  readonly problems: string[];
}

/** Expands the command line's paths into files, recursing into directories in name order; a file named is linted whatever its name. */
export function collectFiles(paths: readonly string[], maxFiles = MAX_FILES): FileList {
  const files: string[] = [];
  const problems: string[] = [];
  for (const path of paths) {
    let stat;
    try {
      stat = statSync(path);
    } catch (error) {
      problems.push(`${path}: ${reason(error)}`);
      continue;
    }
    if (!stat.isDirectory()) {
      files.push(path);
      continue;
    }
    const before = files.length;
    walk(path, files, problems, maxFiles);
    if (files.length >= maxFiles) {
      problems.push(`${path}: stopped after ${maxFiles} files; lint smaller directories`);
      break;
    }
    if (files.length === before) {
      problems.push(`${path}: no manifests here (looked for ${describeLintableNames()}, skipping node_modules and .git)`);
    }
  }
  return { files, problems };
}

function walk(dir: string, files: string[], problems: string[], maxFiles: number): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    problems.push(`${dir}: ${reason(error)}`);
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (files.length >= maxFiles) return;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name)) walk(path, files, problems, maxFiles);
    } else if ((entry.isFile() || entry.isSymbolicLink()) && isLintableFileName(entry.name)) {
      files.push(path);
    }
  }
}

export function reason(error: unknown): string {
  const code = (error as { code?: string } | null)?.code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory';
  return error instanceof Error ? error.message : String(error);
}
