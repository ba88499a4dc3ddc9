#!/usr/bin/env node
// Checks the shape of the source tree (ARCHITECTURE.md): no import cycle between files of packages/*/src and
// apps/*/src, in packages/core/src no arrow from a folder to a folder above it (tests, *.test.ts, are left out),
// no build script of a package reaching into another one with a `../` path, and no file of apps/, packages/ or
// bench/ importing a workspace package by a path its `exports` map does not name, or reaching into another
// package's src/ with a relative path (the faces use core only through its entry points).
// `node scripts/check-layers.mjs [repository root]` prints each problem and exits 1 when there is one.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** What each folder of packages/core/src may import besides itself (a subfolder, dnsmasq/argv/, is part of its folder); a folder missing here is a problem. */
export const CORE_LAYERS = {
  text: [],
  dns: ['text'],
  dnsmasq: ['text', 'dns'],
  corefile: ['text'],
  manifest: ['text', 'dnsmasq', 'corefile'],
  lint: ['text', 'dnsmasq', 'manifest', 'corefile'],
  probe: ['text', 'dns', 'dnsmasq', 'manifest'],
  runtime: ['text', 'dns', 'dnsmasq', 'corefile', 'manifest', 'lint', 'probe'],
};

/** Workspace packages whose `name/entry` imports map to the `source` file their `exports` map names. */
const PACKAGES = { '@kube-dns-tools/core': 'packages/core', '@kube-dns-tools/language-server': 'packages/language-server' };

const IMPORT = /(?:^|[;\s])(?:import|export)\s[^'"`;]*?from\s*['"]([^'"]+)['"]|(?:^|[;\s])import\s*\(?\s*['"]([^'"]+)['"]/g;

export function sourceFiles(root) {
  const files = [];
  for (const group of ['packages', 'apps']) {
    const groupDir = join(root, group);
    if (!existsSync(groupDir)) continue;
    for (const name of readdirSync(groupDir).sort()) {
      const src = join(groupDir, name, 'src');
      if (existsSync(src)) walk(src, files);
    }
  }
  return files;
}

function walk(dir, files) {
  for (const entry of readdirSync(dir).sort()) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) walk(path, files);
    else if (/\.(ts|mts|tsx)$/.test(entry) && !/\.test\.ts$|\.d\.ts$/.test(entry)) files.push(path);
  }
}

/** The repository files a file imports (other packages and node modules left out unless they are ours). */
export function importsOf(root, file) {
  const text = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|^\s*\/\/.*$/gm, '');
  const found = new Set();
  for (const match of text.matchAll(IMPORT)) {
    const target = resolveImport(root, file, match[1] ?? match[2]);
    if (target) found.add(target);
  }
  return [...found];
}

function resolveImport(root, from, specifier) {
  let base;
  if (specifier.startsWith('.')) base = resolve(dirname(from), specifier);
  else {
    const pkg = Object.keys(PACKAGES).find((name) => specifier.startsWith(`${name}/`));
    if (!pkg) return undefined;
    const sub = specifier.slice(pkg.length + 1);
    const source = exportsOf(root, PACKAGES[pkg])?.[`./${sub}`]?.source;
    base = source ? join(root, PACKAGES[pkg], source) : join(root, PACKAGES[pkg], 'src', sub);
  }
  const stem = base.replace(/\.(js|mjs|ts)$/, '');
  for (const candidate of [`${stem}.ts`, `${stem}.mts`, `${stem}.tsx`, join(stem, 'index.ts')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

/** Every cycle of the import graph, one per strongly connected component, as a list of files. */
export function findCycles(graph) {
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const cycles = [];
  let next = 0;
  const visit = (start) => {
    // Tarjan's algorithm, iterative so a deep chain cannot overflow the stack.
    const frames = [{ node: start, edges: graph.get(start) ?? [], at: 0 }];
    index.set(start, next);
    low.set(start, next++);
    stack.push(start);
    onStack.add(start);
    while (frames.length > 0) {
      const frame = frames[frames.length - 1];
      if (frame.at < frame.edges.length) {
        const to = frame.edges[frame.at++];
        if (!index.has(to)) {
          index.set(to, next);
          low.set(to, next++);
          stack.push(to);
          onStack.add(to);
          frames.push({ node: to, edges: graph.get(to) ?? [], at: 0 });
        } else if (onStack.has(to)) low.set(frame.node, Math.min(low.get(frame.node), index.get(to)));
        continue;
      }
      frames.pop();
      if (frames.length > 0) {
        const parent = frames[frames.length - 1].node;
        low.set(parent, Math.min(low.get(parent), low.get(frame.node)));
      }
      if (low.get(frame.node) === index.get(frame.node)) {
        const component = [];
        let member;
        do {
          member = stack.pop();
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.node);
        const selfLoop = (graph.get(frame.node) ?? []).includes(frame.node);
        if (component.length > 1 || selfLoop) cycles.push(component.reverse());
      }
    }
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return cycles;
}

/** The folder of packages/core/src a file is in, or undefined outside core (or at its top). */
function coreFolder(root, file) {
  const rel = relative(join(root, 'packages/core/src'), file);
  if (rel.startsWith('..')) return undefined;
  const parts = rel.split(sep);
  return parts.length > 1 ? parts[0] : undefined;
}

/** Problems with the tree at `root`, as sentences naming the files; empty when the shape holds. */
export function checkLayers(root) {
  const files = sourceFiles(root);
  const graph = new Map(files.map((file) => [file, importsOf(root, file)]));
  const problems = [];
  const rel = (file) => relative(root, file).split(sep).join('/');
  for (const cycle of findCycles(graph)) problems.push(`import cycle: ${[...cycle, cycle[0]].map(rel).join(' -> ')}`);
  for (const [file, targets] of graph) {
    const from = coreFolder(root, file);
    if (from === undefined) continue;
    const allowed = CORE_LAYERS[from];
    if (!allowed) {
      problems.push(`${rel(file)}: packages/core/src/${from}/ is not in the layer table of scripts/check-layers.mjs`);
      continue;
    }
    for (const target of targets) {
      const to = coreFolder(root, target);
      if (to === undefined || to === from || allowed.includes(to)) continue;
      problems.push(`upward arrow ${from} -> ${to}: ${rel(file)} imports ${rel(target)} (${from}/ may import ${allowed.join(', ') || 'nothing'})`);
    }
  }
  problems.push(...buildEntriesReachingOut(root));
  problems.push(...importsOutsideExports(root));
  return problems;
}

/** The `exports` map of the package in `folder`, or undefined when it has none (or no package.json). */
function exportsOf(root, folder) {
  const path = join(root, folder, 'package.json');
  if (!existsSync(path)) return undefined;
  const { exports } = JSON.parse(readFileSync(path, 'utf8'));
  return exports && typeof exports === 'object' ? exports : undefined;
}

/** The workspace packages of `root` (packages/*, apps/*, bench/*) by name, with their folder. */
function workspacePackages(root) {
  const found = new Map();
  for (const group of ['packages', 'apps', 'bench']) {
    const groupDir = join(root, group);
    if (!existsSync(groupDir)) continue;
    for (const name of readdirSync(groupDir).sort()) {
      const path = join(groupDir, name, 'package.json');
      if (existsSync(path)) found.set(JSON.parse(readFileSync(path, 'utf8')).name, `${group}/${name}`);
    }
  }
  return found;
}

const SKIPPED_DIRS = new Set(['node_modules', 'dist', 'fixtures', 'test-results', 'package', '.turbo']);
const SCRIPT = /\.(ts|mts|mjs|tsx)$/;
const REQUIRED = /(?:require|resolve)\(\s*['"]([^'"]+)['"]/g;
const QUOTED_PACKAGE = /['"](@kube-dns-tools\/[^'"]+)['"]/g;

function walkScripts(dir, files) {
  for (const entry of readdirSync(dir).sort()) {
    if (SKIPPED_DIRS.has(entry) || entry.startsWith('.')) continue;
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) walkScripts(path, files);
    else if (SCRIPT.test(entry) && !entry.endsWith('.d.ts') && !entry.endsWith('.d.mts')) files.push(path);
  }
}

/**
 * Every file of apps/, packages/ and bench/ (sources, tests, build and bench scripts) imports a workspace package
 * only by a path its `exports` map names, and never reaches into another package's src/ with a relative path.
 */
function importsOutsideExports(root) {
  const packages = workspacePackages(root);
  const problems = [];
  const files = [];
  for (const group of ['packages', 'apps', 'bench']) if (existsSync(join(root, group))) walkScripts(join(root, group), files);
  for (const file of files) {
    const rel = relative(root, file).split(sep).join('/');
    const own = rel.split('/').slice(0, 2).join('/');
    const text = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|^\s*\/\/.*$/gm, '');
    const specifiers = new Set();
    for (const match of text.matchAll(IMPORT)) specifiers.add(match[1] ?? match[2]);
    for (const match of text.matchAll(REQUIRED)) specifiers.add(match[1]);
    if (/(^|\/)(build|bundle)\.mjs$/.test(rel)) for (const match of text.matchAll(QUOTED_PACKAGE)) specifiers.add(match[1]);
    for (const specifier of specifiers) {
      if (specifier.startsWith('.')) {
        const target = relative(root, resolve(dirname(file), specifier)).split(sep).join('/');
        const into = /^((?:packages|apps)\/[^/]+)\/src\//.exec(target);
        if (into && into[1] !== own) problems.push(`${rel} reaches into ${into[1]}/src with ${specifier} (import it through the package's exports)`);
        continue;
      }
      const name = [...packages.keys()].find((pkg) => specifier.startsWith(`${pkg}/`));
      if (!name) continue;
      const exportsMap = exportsOf(root, packages.get(name));
      if (!exportsMap) continue;
      const sub = `.${specifier.slice(name.length)}`;
      if (!exportsMap[sub]) problems.push(`${rel} imports ${specifier}, which is not an entry of ${packages.get(name)}/package.json exports (${Object.keys(exportsMap).join(', ')})`);
    }
  }
  return problems;
}

/** A package's build script (build.mjs, bundle.mjs) names other packages by their package name, never by a `../` path. */
function buildEntriesReachingOut(root) {
  const problems = [];
  for (const group of ['packages', 'apps']) {
    const groupDir = join(root, group);
    if (!existsSync(groupDir)) continue;
    for (const name of readdirSync(groupDir).sort()) {
      for (const script of ['build.mjs', 'bundle.mjs']) {
        const path = join(groupDir, name, script);
        if (!existsSync(path)) continue;
        const text = readFileSync(path, 'utf8');
        for (const match of text.matchAll(/['"`](?:\.\.\/)+(?:packages|apps)\/[^'"`]*/g)) {
          problems.push(`${group}/${name}/${script} reaches into another package: ${match[0].slice(1)} (import it by its package name)`);
        }
      }
    }
  }
  return problems;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = resolve(process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..'));
  const problems = checkLayers(root);
  for (const problem of problems) console.error(problem);
  if (problems.length > 0) process.exit(1);
  console.log(`layers: no import cycle, no upward arrow in packages/core/src (${sourceFiles(root).length} files), faces import workspace packages through their exports only`);
}
