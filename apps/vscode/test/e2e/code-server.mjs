// Starts and stops code-server (a real VS Code: workbench, server and Node extension host) on 127.0.0.1,
// from what scripts/e2e/setup.sh installed. Everything it spawns lives in one process group that stop()
// signals by PID; nothing is ever killed by name.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, openSync, closeSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

export const E2E_HOME = process.env.KDT_E2E_HOME || '/opt/kdt-e2e';
export const NODE24 = join(E2E_HOME, 'node24/bin/node');
export const CODE_SERVER = join(E2E_HOME, 'code-server/node_modules/code-server/out/node/entry.js');

/** User settings for a quiet, deterministic window: no welcome page, no AI panel, no git, no network. */
const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.editor.enablePreview': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.disableAIFeatures': true,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  'files.autoSave': 'off',
  'editor.minimap.enabled': false,
  'editor.hover.enabled': false,
  'window.restoreWindows': 'none',
  'remote.autoForwardPorts': false,
};

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Installs `vsix` into a fresh profile under `root` and serves it; resolves once /healthz answers. */
export async function startCodeServer({ root, vsix, settings = {}, log = () => {} }) {
  const userData = join(root, 'user-data');
  const extensions = join(root, 'extensions');
  const tmp = join(root, 'tmp');
  for (const dir of [join(userData, 'User'), extensions, tmp]) mkdirSync(dir, { recursive: true });
  writeFileSync(join(userData, 'User', 'settings.json'), JSON.stringify({ ...QUIET_SETTINGS, ...settings }, null, 2));
  // Without --config, code-server writes ~/.config/code-server/config.yaml.
  const config = join(root, 'config.yaml');
  writeFileSync(config, 'auth: none\ncert: false\n');
  const profile = ['--config', config, '--user-data-dir', userData, '--extensions-dir', extensions];

  const installed = spawnSync(NODE24, [CODE_SERVER, ...profile, '--force', '--install-extension', vsix], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (installed.status !== 0) throw new Error(`installing ${vsix} failed:\n${installed.stdout}\n${installed.stderr}`);
  log(`installed ${vsix}`);

  const port = await freePort();
  const logFile = join(root, 'code-server.log');
  const out = openSync(logFile, 'a');
  const child = spawn(
    NODE24,
    [CODE_SERVER, ...profile, '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry',
      '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override', '--ignore-last-opened'],
    {
      detached: true,
      stdio: ['ignore', out, out],
      env: {
        ...process.env,
        // Sockets VS Code leaves behind stay in the run's folder.
        TMPDIR: tmp,
        // The extension gallery points at a closed loopback port: nothing reaches for the internet.
        EXTENSIONS_GALLERY: JSON.stringify({
          serviceUrl: 'http://127.0.0.1:9/gallery',
          itemUrl: 'http://127.0.0.1:9/item',
          resourceUrlTemplate: 'http://127.0.0.1:9/asset/{publisher}/{name}/{version}/{path}',
        }),
      },
    },
  );
  closeSync(out);
  let exit;
  child.on('exit', (code, signal) => (exit = { code, signal }));
  const url = `http://127.0.0.1:${port}`;

  const groupAlive = () => {
    try {
      process.kill(-child.pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  const killOnExit = () => {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  };
  process.on('exit', killOnExit);

  const server = {
    url,
    port,
    root,
    logFile,
    async stop() {
      process.removeListener('exit', killOnExit);
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        return;
      }
      for (let waited = 0; waited < 5000 && groupAlive(); waited += 100) await sleep(100);
      if (groupAlive()) killOnExit();
    },
  };

  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exit) throw new Error(`code-server exited (${JSON.stringify(exit)}):\n${readFileSync(logFile, 'utf8').slice(-2000)}`);
    const ok = await fetch(`${url}/healthz`).then((r) => r.ok, () => false);
    if (ok) break;
    if (Date.now() > deadline) {
      await server.stop();
      throw new Error(`code-server did not answer /healthz within 60 s; see ${logFile}`);
    }
    await sleep(200);
  }
  // The first page request loads the VS Code server; pay that before the browser's clock starts.
  await fetch(`${url}/?folder=/`).then((r) => r.text(), () => '');
  log(`code-server ${url} (process group ${child.pid})`);
  return server;
}
