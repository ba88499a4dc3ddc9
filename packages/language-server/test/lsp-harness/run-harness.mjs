// Runs the shared lsp-harness (headless Neovim 0.7's LSP client and a plain vscode-jsonrpc client) against the
// built server on examples/kube-dns.yaml and every corpus file: both clients must see the same diagnostics, and
// the first quick fix, applied, must give a file without that finding.
//   node packages/language-server/test/lsp-harness/run-harness.mjs [--only SUBSTRING]
// The harness is not part of this repository: it is looked for in $LSP_HARNESS_DIR, else ../shared/lsp-harness
// beside the clone. Without it the run is skipped (exit 0) with a message.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE = fileURLToPath(new URL('../../', import.meta.url));
const REPO = join(PACKAGE, '../..');
const SOURCE = process.env.LSP_HARNESS_DIR || join(REPO, '../shared/lsp-harness');
const WORK = process.env.LSP_HARNESS_WORK || '/tmp/kdt-lsp-harness';
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;

if (!existsSync(join(SOURCE, 'nvim-check.sh'))) {
  console.log(`lsp-harness: skipped, no harness at ${SOURCE} (set LSP_HARNESS_DIR to run it)`);
  process.exit(0);
}

// A writable copy: the harness installs its npm packages beside itself.
if (!existsSync(join(WORK, 'node_modules'))) {
  rmSync(WORK, { recursive: true, force: true });
  cpSync(SOURCE, WORK, { recursive: true });
  execFileSync('chmod', ['-R', 'u+w', WORK]);
}
execFileSync('bash', ['./setup.sh'], { cwd: WORK, stdio: 'inherit', timeout: 600_000 });
execFileSync(process.execPath, ['build.mjs'], { cwd: PACKAGE, stdio: 'inherit' });
const serverCmd = `${process.execPath} ${join(PACKAGE, 'dist/server.cjs')} --stdio`;

function corpusFiles(dir) {
  const out = [];
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) out.push(...corpusFiles(path));
    else if (!/^(README\.md|PROVENANCE\.tsv)$/.test(entry)) out.push(path);
  }
  return out.sort();
}
const EXAMPLE = join(REPO, 'examples/kube-dns.yaml');
const UNICODE = join(PACKAGE, 'test/fixtures/kube-dns-unicode.yaml');
const CURSOR_MODE = new Set([EXAMPLE, UNICODE]);
const files = [EXAMPLE, UNICODE, ...corpusFiles(join(REPO, 'packages/core/test/fixtures/corpus'))].filter(
  (file) => !only || file.includes(only),
);

const readJson = (path) => JSON.parse(readFileSync(path, 'utf8'));

/** Runs one command to its end; resolves with its exit status and stderr (a timeout kills it and counts as a failure). */
function run(command, argv, timeoutMs) {
  return new Promise((resolve) => {
    const child = spawn(command, argv, { cwd: WORK, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stderr });
    });
  });
}

/** One run of both clients on `file`, side by side; returns the two result folders, or throws with the harness' words. */
async function runBoth(file, name, extra, allowNoFix = false) {
  const filetype = extname(file) === '.json' ? 'json' : 'yaml';
  const common = ['--server-cmd', serverCmd, '--file', file, '--filetype', filetype, '--timeout', '20', '--settle-ms', '200', '--quiet', ...extra];
  const clients = [
    ['nvim', './nvim-check.sh', ['--debounce-ms', '0']],
    ['node', process.execPath, []],
  ];
  const dirs = {};
  const runs = clients.map(async ([client, command, args]) => {
    const out = join(WORK, 'out-kdt', name, client);
    rmSync(out, { recursive: true, force: true });
    mkdirSync(out, { recursive: true });
    const argv = command === process.execPath ? ['node-check.mjs', ...common, ...args, '--out-dir', out] : [...common, ...args, '--out-dir', out];
    const { status, stderr } = await run(command, argv, 180_000);
    if (status !== 0 && !(allowNoFix && onlyNoQuickFix(out))) throw new Error(`${client} exited ${status}: ${stderr.trim().split('\n').slice(-5).join(' / ')}`);
    dirs[client] = out;
  });
  await Promise.all(runs);
  const compare = spawnSync(process.execPath, ['compare.mjs', dirs.nvim, dirs.node], { cwd: WORK, encoding: 'utf8' });
  if (compare.status !== 0 && !onlyFinalNewline(compare.stdout, dirs)) throw new Error(`the clients disagree:\n${compare.stdout}`);
  return dirs;
}

/** A `--apply-first-fix` run on a file without findings fails only because there was nothing to fix. */
function onlyNoQuickFix(out) {
  const summaryPath = join(out, 'summary.json');
  if (!existsSync(summaryPath) || !existsSync(join(out, 'diagnostics.json'))) return false;
  const { failures } = readJson(summaryPath);
  const noFix = failures.length === 1 && failures[0].stage === 'applyFix' && /no CodeAction of kind quickfix/.test(failures[0].message);
  return noFix && readJson(join(out, 'diagnostics.json')).length === 0;
}

/**
 * Vim's `:write` adds the final newline a file lacks (`fixeol`): when that is the only difference between the
 * two clients' fixed files, they agree on everything the server sent.
 */
function onlyFinalNewline(report, dirs) {
  const different = report.split('\n').filter((line) => line.startsWith('DIFFERENT')).map((line) => line.split(/\s+/)[1]);
  if (different.length === 0 || !different.every((name) => name.startsWith('fixed-'))) return false;
  return different.every((name) => {
    const nvim = readFileSync(join(dirs.nvim, name), 'utf8');
    const node = readFileSync(join(dirs.node, name), 'utf8');
    return !node.endsWith('\n') && nvim === `${node}\n`;
  });
}

/** On the example also: hover on a flag, completion in the args list, and a typed change that adds a finding. */
function exampleChecks() {
  const lines = readFileSync(EXAMPLE, 'utf8').split('\n');
  const at = lines.findIndex((line) => line.trim() === '- --cache-size=1000');
  if (at < 0) return [];
  const column = lines[at].indexOf('--cache-size') + 3;
  const indent = lines[at].slice(0, lines[at].indexOf('-'));
  return ['--hover', `${at + 1}:${column}`, '--complete', `${at + 1}:${column}`, '--change', `${at + 1}:${indent}- --cache-size=abc`, '--expect-diagnostics-change'];
}

/**
 * Applies the first quick fix in both clients; the fixed file must have that finding once less (a rule may report the
 * same message on several lines, and "disable for this line" clears one of them).
 */
async function checkFirstFix(file, name, mode, before, fixed) {
  fixed ??= await runBoth(file, `${name}-fix-${mode}`, ['--apply-first-fix', '--code-action-mode', mode]);
  const applied = readJson(join(fixed.nvim, 'applied-fix.json'));
  const action = applied.resolved ?? applied.offered;
  const target = action?.diagnostics?.[0];
  if (!applied.applied) throw new Error(`quick fix "${action?.title}" was not applied (${mode})`);
  const after = readJson(join(fixed.nvim, 'diagnostics-after-fix.json'));
  const afterList = Array.isArray(after) ? after : (after.after ?? after.diagnostics ?? []);
  const same = (d) => d.code === target?.code && d.message === target?.message;
  const still = afterList.filter(same).length;
  const had = before.filter(same).length;
  if (still >= had) throw new Error(`after "${action?.title}" (${mode}) the file still has ${still} of its ${had} ${target.code}`);
  return still === 0 ? `"${action?.title}" leaves no ${target?.code}` : `"${action?.title}" leaves ${still} of ${had} ${target?.code}`;
}

/** Both clients on one file, then its first quick fix; resolves with the line to print. */
async function checkFile(file) {
  const name = relative(REPO, file).replace(/[^\w.-]+/g, '_');
  const label = relative(REPO, file);
  try {
    // One run per file opens it, lists its diagnostics and code actions and applies the first quick fix; the example
    // also gets hover, completion and a typed change, in a run of its own (the change's line refers to the file as opened).
    const example = file === EXAMPLE;
    const first = example
      ? await runBoth(file, name, exampleChecks())
      : await runBoth(file, `${name}-fix-range`, ['--apply-first-fix', '--code-action-mode', 'range'], true);
    const diagnostics = readJson(join(first.nvim, 'diagnostics.json'));
    let note = `${diagnostics.length} diagnostics, same in Neovim and node`;
    if (diagnostics.length > 0) note += `; ${await checkFirstFix(file, name, 'range', diagnostics, example ? undefined : first)}`;
    // What a Neovim 0.7 user's vim.lsp.buf.code_action() sends: a cursor range and byte columns.
    if (diagnostics.length > 0 && CURSOR_MODE.has(file)) note += `; cursor mode: ${await checkFirstFix(file, name, 'cursor', diagnostics)}`;
    return { ok: true, line: `ok   ${label}: ${note}` };
  } catch (error) {
    return { ok: false, line: `FAIL ${label}: ${error instanceof Error ? error.message : String(error)}` };
  }
}

// Each file runs its own server processes, so files are checked side by side; results print in file order.
const parallel = Math.max(2, Math.min(6, availableParallelism() * 2));
const results = new Array(files.length);
let next = 0;
await Promise.all(
  Array.from({ length: parallel }, async () => {
    while (next < files.length) {
      const index = next++;
      results[index] = await checkFile(files[index]);
    }
  }),
);
for (const { line } of results) console.log(line);
const failed = results.filter((result) => !result.ok).length;
console.log(`${results.length - failed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
