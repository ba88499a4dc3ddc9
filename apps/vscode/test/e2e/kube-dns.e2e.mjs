// End-to-end in a real VS Code (code-server + Chromium): the incident manifest gets its no-negcache warning,
// the quick fix adds --no-negcache, the file on disk is right, palette commands run; upstreams are probed from
// code lenses through the consent dialog, the forwarder's cache is watched, and the incident is replayed.
//   node apps/vscode/test/e2e/kube-dns.e2e.mjs [--vsix FILE] [--artefacts DIR]
// Prints one line per step and ends with "N passed, N failed"; exit code 1 when a step failed.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CODE_SERVER, NODE24, startCodeServer } from './code-server.mjs';
import { askA, CHAIN, startFakeUpstream } from './fake-upstream.mjs';
import { Workbench } from './workbench.mjs';

const APP = fileURLToPath(new URL('../../', import.meta.url));
const REPO = join(APP, '../..');
const arg = (name, fallback) => {
  const at = process.argv.indexOf(name);
  return at > 0 && process.argv[at + 1] ? process.argv[at + 1] : fallback;
};
const vsix = arg('--vsix', join(APP, 'kube-dns-tools.vsix'));
const artefacts = arg('--artefacts', join(APP, 'test-results/e2e'));
/** `--only REGEX`: run only the steps whose names match (the first step, which opens the workbench, always runs). */
const only = process.argv.includes('--only') ? new RegExp(arg('--only', '.')) : undefined;

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
// The numbered step shots of the last run go; the named view shots stay (the README shows the committed ones).
mkdirSync(artefacts, { recursive: true });
for (const name of readdirSync(artefacts)) if (/^\d+-.*\.png$/.test(name)) rmSync(join(artefacts, name));

let passed = 0;
let failed = 0;
let server;
let workbench;
let upstream;
let flaky;
let silent;

/** A kube-dns Deployment whose servers are the loopback fakes: default healthy, maven.org flaky, silent.example silent. */
function incidentManifest() {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: kube-dns
spec:
  template:
    spec:
      containers:
      - name: dnsmasq
        image: registry.k8s.io/dns/k8s-dns-dnsmasq-nanny:1.23.0
        args:
        - -v=2
        - --
        - -k
        - --cache-size=1000
        - --no-resolv
        - --server=/cluster.local/127.0.0.1#10053
        - --server=/maven.org/127.0.0.1#${flaky.port}
        - --server=/silent.example/127.0.0.1#${silent.port}
        - --server=127.0.0.1#${upstream.port}
`;
}

/** PIDs of this run's forwarder processes (the installed extension's dist/forwarder.js). */
function forwarderPids() {
  const pids = [];
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    let cmdline = '';
    try {
      cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    } catch {
      continue;
    }
    if (cmdline.includes(join(root, 'extensions')) && cmdline.includes('forwarder.js')) pids.push(Number(pid));
  }
  return pids;
}

/** True when VS Code's modal dialog showed up within `ms`. */
async function dialogShows(ms) {
  return workbench.page.locator('.monaco-dialog-box').waitFor({ state: 'visible', timeout: ms }).then(() => true, () => false);
}

async function step(name, body) {
  if (only && passed + failed > 0 && !only.test(name)) return;
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
  upstream = await startFakeUpstream('healthy');
  flaky = await startFakeUpstream('flaky');
  silent = await startFakeUpstream('silent');
  writeFileSync(join(workspace, 'incident.yaml'), incidentManifest());
  copyFileSync(join(APP, 'test/e2e/fixtures/coredns-configmap.yaml'), join(workspace, 'coredns.yaml'));
  // The first forwarder step replaces the example's cluster upstream with the healthy loopback one.
  const settings = {
    'kubeDnsTools.forwarder.upstreams': [`127.0.0.1#${upstream.port}`],
    'kubeDnsTools.forwarder.port': 0,
    'kubeDnsTools.probe.count': 4,
    'kubeDnsTools.probe.names': [CHAIN[0]],
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
    // Consent first, loopback servers too; the example's 10.36.8.40 was replaced by the setting and is not named.
    const question = await workbench.answerDialog('Run');
    say(`asked: ${question.replace(/\s+/g, ' ').slice(0, 200)}`);
    expect(question.includes(`127.0.0.1#${upstream.port}`) && question.includes('127.0.0.1#10053'), `the dialog does not name the servers: ${question}`);
    expect(!question.includes('10.36.8.40'), 'the dialog names the replaced cluster upstream');
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
    // The servers were approved by "Run Local Forwarder": no second question.
    expect(!(await dialogShows(1500)), 'asked again for servers already approved');
    const verdict = workbench.page.locator('.panel .view-lines', { hasText: `127.0.0.1#${upstream.port}: healthy` }).first();
    await verdict.waitFor({ state: 'visible', timeout: 30_000 });
    await workbench.screenshot('probe-upstreams');
    const text = (await workbench.page.locator('.panel .view-lines').first().innerText()).replace(/\u00a0/g, ' ');
    expect(!/^10\.36\.8\.40#53: /m.test(text), 'the cluster upstream 10.36.8.40 was probed');
    expect(text.includes(`127.0.0.1#${upstream.port}: healthy`), 'no verdict for the loopback upstream');
  });

  await step('the "Probe" code lenses ask the healthy, flaky and silent fakes through the consent dialog; verdicts in lenses and view', async () => {
    await workbench.openFile('incident.yaml');
    const lens = (text) => workbench.page.locator('.codelens-decoration a', { hasText: text }).first();
    await lens('Run locally').waitFor({ state: 'visible', timeout: 30_000 });
    for (const [fake, verdict] of [[upstream, 'healthy'], [flaky, 'flaky'], [silent, 'down']]) {
      const server = `127.0.0.1#${fake.port}`;
      await lens(`Probe ${server}`).click();
      // The healthy fake was approved by "Run Local Forwarder" above (asked again only when that step did not run).
      if (fake !== upstream || (await dialogShows(2000))) {
        // Never sent before approval: the fake heard nothing until the user said yes.
        expect(fake === upstream || fake.asked.length === 0, `${server} was asked before approval`);
        const question = await workbench.answerDialog('Probe');
        expect(question.includes(`Send 4 queries for ${CHAIN[0]} (A) to ${server} from this machine?`), `unexpected question: ${question}`);
      }
      // The verdict lens on the same line as this server's "Probe" lens (another line may show the same verdict).
      const line = workbench.page.locator('.codelens-decoration', { hasText: new RegExp(`Probe ${server.replace(/\./g, '\\.')}(?!\\d)`) });
      await line.locator('a', { hasText: new RegExp(`^${verdict} · `) }).first().waitFor({ state: 'visible', timeout: 30_000 });
    }
    const rows = await workbench.page.locator('.pane', { hasText: 'kube-dns Probe Results' }).locator('.monaco-list-row').allInnerTexts();
    say(`probe rows: ${rows.map((r) => r.replace(/\s+/g, ' ')).join(' | ')}`);
    const row = (fake) => rows.find((r) => r.includes(`127.0.0.1#${fake.port}`)) ?? '';
    expect(/healthy/.test(row(upstream)) && /flaky/.test(row(flaky)) && /down/.test(row(silent)), 'the view lacks a verdict');
    expect(/[■□]{4}/.test(row(flaky)) && row(flaky).includes('□') && row(flaky).includes('■'), `no attempt strip with answers and NODATA: ${row(flaky)}`);
    expect(row(silent).includes('····'), `no strip of timeouts: ${row(silent)}`);
    await workbench.page.locator('.pane', { hasText: 'kube-dns Probe Results' }).locator('.monaco-list-row', { hasText: `127.0.0.1#${flaky.port}` }).first().click();
    await workbench.page.keyboard.press('ArrowRight');
    for (const link of CHAIN) await workbench.page.locator('.monaco-list-row', { hasText: link }).first().waitFor({ state: 'visible', timeout: 10_000 });
    await workbench.widenSideBar().catch(() => undefined);
    await workbench.screenshotOf(workbench.page, 'probe-view');
  });

  await step('palette "Run Local Forwarder" on that manifest: query log, a cached negative in the Cache view, flush, stop, no process left', async () => {
    await workbench.openFile('incident.yaml');
    await workbench.runCommand('kube-dns Tools: Run Local Forwarder');
    // Only the sidecar route's 127.0.0.1#10053 is new here unless "Run Local Forwarder" on the example approved it.
    if (await dialogShows(2000)) say(`asked: ${(await workbench.answerDialog('Run')).replace(/\s+/g, ' ').slice(0, 160)}`);
    const item = workbench.page.locator('.statusbar-item', { hasText: /dnsmasq 127\.0\.0\.1#\d+/ }).first();
    await item.waitFor({ state: 'visible', timeout: 20_000 });
    const port = Number(/#(\d+)/.exec(await item.innerText())[1]);
    expect(forwarderPids().length === 1, `expected one forwarder process, found ${forwarderPids().length}`);
    await workbench.runCommand('kube-dns Tools: Show Forwarder Cache');
    const cachePane = workbench.page.locator('.pane', { hasText: 'kube-dns Forwarder Cache' });
    const negative = cachePane.locator('.monaco-list-row', { hasText: 'negative: NODATA' }).first();
    for (let i = 0; i < 8 && !(await negative.isVisible()); i++) {
      await askA(port, CHAIN[0]);
      await workbench.page.waitForTimeout(1200);
    }
    await negative.waitFor({ state: 'visible', timeout: 10_000 });
    expect((await negative.innerText()).includes(CHAIN[2]), 'the negative entry is not the chain end');
    const log = (await workbench.page.locator('.panel .view-lines').first().innerText()).replace(/\u00a0/g, ' ');
    expect(log.includes(`query[A] ${CHAIN[0]} from 127.0.0.1`), `no query log line in the output:\n${log.slice(-800)}`);
    await workbench.page.locator('.statusbar-item', { hasText: /[1-9]\d* negative/ }).first().waitFor({ state: 'visible', timeout: 10_000 });
    await workbench.screenshotOf(workbench.page, 'cache-view');
    await workbench.screenshotOf(workbench.page.locator('.part.statusbar'), 'status-bar');
    await workbench.runCommand('kube-dns Tools: Flush Cache');
    await cachePane.locator('.monaco-list-row', { hasText: 'Entries (0)' }).first().waitFor({ state: 'visible', timeout: 10_000 });
    await workbench.screenshot('cache-flushed');
    await workbench.runCommand('kube-dns Tools: Stop Local Forwarder');
    await item.waitFor({ state: 'hidden', timeout: 10_000 });
    const deadline = Date.now() + 5000;
    while (forwarderPids().length > 0 && Date.now() < deadline) await workbench.page.waitForTimeout(100);
    expect(forwarderPids().length === 0, 'a forwarder process is left after Stop');
  });

  await step('palette "Replay the Incident" runs the demo in a channel and tells the verdict', async () => {
    await workbench.runCommand('kube-dns Tools: Replay the Incident');
    const toast = workbench.page.locator('.notifications-toasts', { hasText: 'incident replay: without -N' }).first();
    await toast.waitFor({ state: 'visible', timeout: 60_000 });
    const text = await toast.innerText();
    expect(/flaky NODATA was cached/.test(text) && /with -N: the bad reply was passed on once/.test(text), `unexpected verdict: ${text}`);
    await workbench.screenshot('incident-replay');
  });

  await step('a CoreDNS ConfigMap shows coredns-long-denial-cache; its quick fix, saved, equals `lint --fix` byte for byte', async () => {
    const coredns = join(workspace, 'coredns.yaml');
    const before = readFileSync(coredns, 'utf8');
    await workbench.openFile('coredns.yaml');
    // Problem rows show the message, not the rule id.
    const denial = 'NXDOMAIN and NODATA answers are cached for up to 3600 s';
    await workbench.waitForProblemRows((r) => r.some((row) => row.includes(denial)), 60_000);
    await workbench.screenshot('coredns-problem');
    const lines = before.split('\n');
    const line = lines.findIndex((text) => /^\s*cache 3600$/.test(text));
    expect(line >= 0, 'no `cache 3600` line in the ConfigMap');
    const reposition = () => workbench.goTo(line + 1, lines[line].indexOf('3600') + 2);
    await reposition();
    const offered = await workbench.quickFix(/Cap negative caching/, { reposition });
    say(`offered: ${offered.join(' | ')}`);
    await workbench.waitForProblemRows((r) => !r.some((row) => row.includes(denial)), 30_000);
    await workbench.save();
    await workbench.screenshot('coredns-fixed');
    const cli = join(REPO, 'apps/cli/dist/cli.js');
    const byCli = execFileSync(process.execPath, [cli, 'lint', '--fix', '-', '--stdin-filename', 'coredns.yaml'], { input: before, encoding: 'utf8', stdio: ['pipe', 'pipe', 'ignore'] });
    const saved = readFileSync(coredns, 'utf8');
    expect(saved !== before, 'the file did not change');
    expect(saved === byCli, `the editor's fix differs from lint --fix:\n${saved}\n---\n${byCli}`);
  });
} catch (error) {
  failed++;
  console.log(`FAIL setup\n     ${String(error?.stack ?? error)}`);
} finally {
  await workbench?.close().catch(() => undefined);
  await server?.stop();
  await upstream?.close();
  await flaky?.close();
  await silent?.close();
  if (server) copyFileSync(server.logFile, join(artefacts, 'code-server.log'));
  if (failed === 0) rmSync(root, { recursive: true, force: true });
  else console.log(`kept ${root} for inspection`);
}
console.log(`screenshots: ${artefacts}`);
console.log(`total ${((Date.now() - started) / 1000).toFixed(1)}s`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
