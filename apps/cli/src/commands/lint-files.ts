import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Suffixes a directory walk picks up; files named on the command line are linted whatever their name. */
const MANIFEST_SUFFIXES = ['.yaml', '.yml', '.json'];
/** dnsmasq conf files and bare argv files, read as such when their content fits (see lint-text.ts). */
const DNSMASQ_SUFFIXES = ['.conf', '.args', '.args.txt'];
const TEMPLATE_SUFFIXES = ['.j2', '.jinja', '.jinja2', '.tpl', '.tmpl', '.template', '.base', '.in', '.sed', '.erb'];
const SKIPPED_DIRS = new Set(['node_modules', '.git']);
/** Bounds the walk so a mistaken `lint /` ends. */
const MAX_FILES = 100_000;

function isManifestName(name: string): boolean {
  const lower = name.toLowerCase();
  return [...MANIFEST_SUFFIXES, ...DNSMASQ_SUFFIXES, ...TEMPLATE_SUFFIXES].some((s) => lower.endsWith(s));
}

export interface FileList {
  readonly files: string[];
  /** Clear messages for paths that could not be used (missing, unreadable, no manifests inside). */
  readonly problems: string[];
}

/** Expands the command line's paths into files, recursing into directories in name order. */
export function collectFiles(paths: readonly string[]): FileList {
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
    walk(path, files, problems);
    if (files.length === before) {
      problems.push(`${path}: no manifests here (looked for ${MANIFEST_SUFFIXES.join(', ')} and templates such as ${TEMPLATE_SUFFIXES.slice(0, 5).join(', ')}, skipping node_modules and .git)`);
    }
  }
  return { files, problems };
}

function walk(dir: string, files: string[], problems: string[]): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    problems.push(`${dir}: ${reason(error)}`);
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (files.length >= MAX_FILES) return;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name)) walk(path, files, problems);
    } else if ((entry.isFile() || entry.isSymbolicLink()) && isManifestName(entry.name)) {
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
