// End-to-end in a real VS Code (code-server + Chromium): the incident manifest gets its no-negcache warning,
// the quick fix adds --no-negcache, the file on disk is right, and a palette command runs.
//   node apps/vscode/test/e2e/kube-dns.e2e.mjs [--vsix FILE] [--artefacts DIR]
// Prints one line per step and ends with "N passed, N failed"; exit code 1 when a step failed.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CODE_SERVER, NODE24, startCodeServer } from './code-server.mjs';
import { askA, startFakeUpstream } from './fake-upstream.mjs';
import { Workbench } from './workbench.mjs';

const APP = fileURLToPath(new URL('../../', import.meta.url));
const REPO = join(APP, '../..');
const arg = (name, fallback) => {
  const at = process.argv.indexOf(name);
  return at > 0 && process.argv[at + 1] ? process.argv[at + 1] : fallback;
};
const vsix = arg('--vsix', join(APP, 'kube-dns-tools.vsix'));
const artefacts = arg('--artefacts', join(APP, 'test-results/e2e'));

for (const needed of [NODE24, CODE_SERVER, vsix]) {
  if (!existsSync(needed)) {
    console.error(`missing ${needed}: run scripts/e2e/setup.sh and npm run package -w apps/vscode (or npm run test:e2e)`);
    process.exit(1);
  }
}

const started = Date.now();
const say = (line) => console.log(`[e2e ${((Date.now() - started) / 1000).toFixed(1)}s] ${line}`);
const root = mkdtempSync('/tmp/kdt-e2e-');
const workspace = join(root, 'ws');
mkdirSync(workspace);
const file = join(workspace, 'kube-dns.yaml');
copyFileSync(join(REPO, 'examples/kube-dns.yaml'), file);
const original = readFileSync(file, 'utf8');
rmSync(artefacts, { recursive: true, force: true });
mkdirSync(artefacts, { recursive: true });

let passed = 0;
let failed = 0;
let server;
let workbench;
let upstream;

async function step(name, body) {
  const t0 = Date.now();
  try {
    await body();
    passed++;
    console.log(`ok   ${name} (${Date.now() - t0} ms)`);
  } catch (error) {
    failed++;
    console.log(`FAIL ${name} (${Date.now() - t0} ms)\n     ${String(error?.stack ?? error).split('\n').join('\n     ')}`);
    await workbench?.screenshot(`failed-${name.replace(/\W+/g, '-').toLowerCase()}`).catch(() => undefined);
    await workbench?.escape().catch(() => undefined);
  }
}

function expect(condition, message) {
  if (!condition) throw new Error(message);
}

try {
  upstream = await startFakeUpstream();
  // The forwarder step replaces the manifest's cluster upstream with this loopback one.
  const settings = {
    'kubeDnsTools.forwarder.upstreams': [`127.0.0.1#${upstream.port}`],
    'kubeDnsTools.forwarder.port': 0,
    'kubeDnsTools.probe.count': 2,
  };
  server = await startCodeServer({ root, vsix, settings, log: say });
  workbench = await Workbench.open(server, { folder: workspace, file, shotsDir: artefacts });
  say('workbench up');

  await step('opens examples/kube-dns.yaml', async () => {
    await workbench.waitForEditor(basename(file));
    await workbench.screenshot('opened');
  });

  await step('no-negcache warning shows in the Problems panel', async () => {
    const rows = await workbench.waitForProblemRows((r) => r.some((row) => row.includes('no-negcache')), 90_000);
    await workbench.screenshot('problems-panel');
    say(`problems: ${rows.map((r) => r.slice(0, 90)).join(' | ')}`);
  });

  await step('Ctrl+. on the dnsmasq container offers and applies "Add --no-negcache"', async () => {
    const lines = original.split('\n');
    const line = lines.findIndex((text) => /^\s*- name: dnsmasq\s*$/.test(text));
    expect(line >= 0, 'no "- name: dnsmasq" line in the example');
    const reposition = () => workbench.goTo(line + 1, lines[line].indexOf('dnsmasq') + 2);
    await reposition();
    const offered = await workbench.quickFix(/Add --no-negcache/, { beforePick: () => workbench.screenshot('quick-fix-menu'), reposition });
    say(`offered: ${offered.join(' | ')}`);
    expect(/Add --no-negcache/.test(offered[0] ?? ''), `the preferred fix is not first: ${offered[0]}`);
    await workbench.waitForProblemRows((r) => !r.some((row) => row.includes('no-negcache')), 30_000);
    await workbench.screenshot('fixed');
  });

  await step('Ctrl+S writes exactly the fix to disk', async () => {
    await workbench.save();
    // Exactly one line added: `- --no-negcache`, a sibling of the arg before it (same indentation, block style).
    const before = original.split('\n');
    const after = readFileSync(file, 'utf8').split('\n');
    expect(after.length === before.length + 1, `expected one added line, got ${after.length - before.length}`);
    const added = after.findIndex((line, i) => line !== before[i]);
    const line = after[added];
    expect(/^\s*- --no-negcache$/.test(line), `added line is ${JSON.stringify(line)}`);
    expect(line.indexOf('-') === after[added - 1].indexOf('-') && /^\s*- --/.test(after[added - 1]), 'the flag is not a sibling of the dnsmasq args');
    expect([...after.slice(0, added), ...after.slice(added + 1)].join('\n') === original, 'something else in the file changed');
    say(`added at line ${added + 1}: ${line.trim()}`);
    await workbench.screenshot('saved');
  });

  await step('command palette runs "kube-dns Tools: Collect Diagnostics"', async () => {
    await workbench.runCommand('kube-dns Tools: Collect Diagnostics');
    const deadline = Date.now() + 20_000;
    let text = '';
    while (Date.now() < deadline && !(text.includes('kube-dns Tools diagnostics') && text.includes('kube-dns-tools-language-server'))) {
      await workbench.page.waitForTimeout(250);
      text = await workbench.editorText().catch(() => '');
    }
    await workbench.screenshot('collect-diagnostics');
    expect(text.includes('kube-dns Tools diagnostics'), `no diagnostics report editor; editor shows:\n${text.slice(0, 500)}`);
    expect(text.includes('kube-dns-tools-language-server'), 'the report lacks the language server info');
  });

  await step('palette "Show Rule Documentation" lists the rules and opens the no-negcache page', async () => {
    await workbench.runCommand('kube-dns Tools: Show Rule Documentation', { opensQuickInput: true });
    await workbench.page.locator('.quick-input-widget .monaco-list-row', { hasText: 'server-syntax' }).first().waitFor({ state: 'visible', timeout: 10_000 });
    await workbench.quickInputBox().fill('no-negcache');
    const row = workbench.page.locator('.quick-input-widget .monaco-list-row', { hasText: 'no-negcache' }).first();
    await row.waitFor({ state: 'visible', timeout: 10_000 });
    await workbench.screenshot('rule-picker');
    await workbench.page.keyboard.press('Enter');
    // VS Code asks before opening an external site; accept, then the browser opens the page.
    const dialog = workbench.page.locator('.monaco-dialog-box');
    await dialog.waitFor({ state: 'visible', timeout: 10_000 });
    const question = await dialog.innerText();
    await workbench.screenshot('open-external');
    expect(question.includes('docs/rules/no-negcache.md'), `the dialog does not name the rule page: ${question}`);
    const popup = workbench.page.context().waitForEvent('page', { timeout: 20_000 }).catch(() => undefined);
    await dialog.locator('.monaco-button', { hasText: /^Open$/ }).first().click();
    const page = await popup;
    expect(page !== undefined, 'no browser tab opened');
    say(`opened ${page.url()}`);
    await page.close().catch(() => undefined);
  });

  await step('palette "Run Local Forwarder" serves the manifest on 127.0.0.1; "Stop Local Forwarder" stops it', async () => {
    await workbench.page.locator('.tabs-container .tab[data-resource-name="kube-dns.yaml"]').click();
    await workbench.waitForEditor(basename(file));
    await workbench.runCommand('kube-dns Tools: Run Local Forwarder');
    const item = workbench.page.locator('.statusbar-item', { hasText: /dnsmasq 127\.0\.0\.1#\d+/ }).first();
    await item.waitFor({ state: 'visible', timeout: 20_000 });
    const label = await item.innerText();
    const port = Number(/#(\d+)/.exec(label)[1]);
    const reply = await askA(port, 'sonatype.map.fastly.net');
    expect(reply.answers?.[0]?.data === '192.0.2.7', `unexpected answer ${JSON.stringify(reply.answers)}`);
    expect(upstream.asked.includes('sonatype.map.fastly.net'), 'the forwarder did not ask the loopback upstream');
    await workbench.screenshot('forwarder-running');
    await workbench.runCommand('kube-dns Tools: Stop Local Forwarder');
    await item.waitFor({ state: 'hidden', timeout: 10_000 });
    await workbench.screenshot('forwarder-stopped');
  });

  await step('palette "Probe Upstreams" asks the loopback upstreams and reports a verdict', async () => {
    await workbench.page.locator('.tabs-container .tab[data-resource-name="kube-dns.yaml"]').click();
    await workbench.waitForEditor(basename(file));
    await workbench.runCommand('kube-dns Tools: Probe Upstreams', { opensQuickInput: true });
    const input = workbench.page.locator('.quick-input-widget .quick-input-box input');
    await workbench.page.locator('.quick-input-widget', { hasText: 'Names to ask' }).waitFor({ state: 'visible', timeout: 10_000 });
    await input.fill('sonatype.map.fastly.net');
    await workbench.page.keyboard.press('Enter');
    const verdict = workbench.page.locator('.panel .view-lines', { hasText: `127.0.0.1#${upstream.port}: healthy` }).first();
    await verdict.waitFor({ state: 'visible', timeout: 30_000 });
    await workbench.screenshot('probe-upstreams');
    const text = (await workbench.page.locator('.panel .view-lines').first().innerText()).replace(/\u00a0/g, ' ');
    expect(!/^10\.36\.8\.40#53: /m.test(text), 'the cluster upstream 10.36.8.40 was probed');
    expect(text.includes(`127.0.0.1#${upstream.port}: healthy`), 'no verdict for the loopback upstream');
  });
} catch (error) {
  failed++;
  console.log(`FAIL setup\n     ${String(error?.stack ?? error)}`);
} finally {
  await workbench?.close().catch(() => undefined);
  await server?.stop();
  await upstream?.close();
  if (server) copyFileSync(server.logFile, join(artefacts, 'code-server.log'));
  if (failed === 0) rmSync(root, { recursive: true, force: true });
  else console.log(`kept ${root} for inspection`);
}
console.log(`screenshots: ${artefacts}`);
console.log(`total ${((Date.now() - started) / 1000).toFixed(1)}s`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
