// Drives the VS Code workbench that code-server serves, in Debian's Chromium through playwright-core,
// with the keys a person would press. Every wait is bounded.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { E2E_HOME } from './code-server.mjs';

const PLAYWRIGHT = join(E2E_HOME, 'driver/node_modules/playwright-core/index.mjs');
const CHROMIUM = process.env.KDT_E2E_CHROMIUM || '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--password-store=basic',
  // The browser resolves no names at all: the workbench is at 127.0.0.1, and an opened external link fails offline.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'];

export class Workbench {
  constructor(browser, page, shotsDir) {
    this.browser = browser;
    this.page = page;
    this.shotsDir = shotsDir;
    this.shots = 0;
    this.consoleErrors = [];
  }

  /** Opens `folder` with `file` in the editor. The URL payload is how VS Code's own `code --goto` works. */
  static async open(server, { folder, file, shotsDir, timeoutMs = 120_000 }) {
    const { chromium } = await import(pathToFileURL(PLAYWRIGHT).href);
    const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
    const page = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
    const workbench = new Workbench(browser, page, shotsDir);
    page.on('pageerror', (error) => workbench.consoleErrors.push(String(error)));
    const payload = JSON.stringify([['openFile', `vscode-remote://127.0.0.1:${server.port}${file}`]]);
    await page.goto(`${server.url}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(payload)}`, { timeout: timeoutMs });
    await page.locator('.monaco-workbench .part.statusbar').waitFor({ state: 'visible', timeout: timeoutMs });
    return workbench;
  }

  async screenshot(step) {
    mkdirSync(this.shotsDir, { recursive: true });
    const path = join(this.shotsDir, `${String(++this.shots).padStart(2, '0')}-${step}.png`);
    await this.page.screenshot({ path });
    return path;
  }

  async waitForEditor(basename, timeout = 60_000) {
    await this.page.locator(`.tabs-container .tab.active[data-resource-name="${basename}"]`).waitFor({ state: 'visible', timeout });
    await this.page.locator('.editor-group-container.active .monaco-editor .view-lines').first().waitFor({ state: 'visible', timeout });
  }

  async focusEditor() {
    await this.page
      .locator('.editor-group-container.active .monaco-editor .native-edit-context, .editor-group-container.active .monaco-editor textarea')
      .first()
      .focus();
  }

  quickInputBox() {
    return this.page.locator('.quick-input-widget .quick-input-box input');
  }

  /** Ctrl+G to a 1-based line and column of the active editor. */
  async goTo(line, column) {
    await this.focusEditor();
    await this.page.keyboard.press('Control+G');
    await this.quickInputBox().waitFor({ state: 'visible', timeout: 10_000 });
    await this.quickInputBox().fill(`:${line}:${column}`);
    await this.page.keyboard.press('Enter');
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10_000 });
  }

  /** Problems panel rows (Ctrl+Shift+M), polled until `accept(rows)` holds. */
  async waitForProblemRows(accept, timeout = 60_000) {
    const panel = this.page.locator('.markers-panel');
    if (!(await panel.isVisible())) {
      await this.page.keyboard.press('Control+Shift+M');
      await panel.waitFor({ state: 'visible', timeout: 10_000 });
    }
    const deadline = Date.now() + timeout;
    let rows = [];
    while (Date.now() < deadline) {
      rows = await panel.locator('.monaco-list-row').evaluateAll((els) => els.map((el) => el.getAttribute('aria-label') ?? el.textContent ?? ''));
      if (accept(rows)) return rows;
      await this.page.waitForTimeout(250);
    }
    throw new Error(`Problems panel never matched; last rows:\n${rows.join('\n')}`);
  }

  /** Ctrl+. at the cursor; picks the action whose label matches `title` (Enter when it is the focused first one). */
  async quickFix(title, { beforePick, reposition } = {}) {
    const menu = this.page.locator('.action-widget:not(.action-list-submenu-panel)').first();
    for (let attempt = 1; ; attempt++) {
      await this.focusEditor();
      await this.page.keyboard.press('Control+Period');
      try {
        await menu.waitFor({ state: 'visible', timeout: 10_000 });
        break;
      } catch (error) {
        // Now and then the keys reach another part of the window: put the cursor back and press again, once.
        if (attempt === 2 || !reposition) throw error;
        await this.screenshot('quick-fix-retry');
        await this.escape();
        await reposition();
      }
    }
    const rows = menu.locator('.monaco-list-row.action');
    await rows.first().waitFor({ state: 'visible', timeout: 20_000 });
    const labels = await rows.allInnerTexts();
    if (beforePick) await beforePick(labels);
    const index = labels.findIndex((label) => title.test(label));
    if (index < 0) throw new Error(`no quick fix matching ${title}; offered: ${labels.join(' | ')}`);
    if (index === 0) await this.page.keyboard.press('Enter');
    else await rows.nth(index).click();
    await menu.waitFor({ state: 'hidden', timeout: 10_000 });
    return labels;
  }

  /** Ctrl+S, then waits until the active tab is no longer dirty. */
  async save() {
    await this.focusEditor();
    await this.page.keyboard.press('Control+S');
    await this.page.locator('.tabs-container .tab.active.dirty').waitFor({ state: 'detached', timeout: 20_000 });
  }

  /** F1, types the command's title, runs the row with that title; `opensQuickInput` when the command asks something. */
  async runCommand(title, { opensQuickInput = false } = {}) {
    await this.page.keyboard.press('F1');
    await this.quickInputBox().waitFor({ state: 'visible', timeout: 10_000 });
    await this.quickInputBox().fill(`>${title}`);
    const row = this.page
      .locator('.quick-input-widget .monaco-list-row')
      .filter({ has: this.page.locator('.label-name', { hasText: title }) })
      .first();
    await row.waitFor({ state: 'visible', timeout: 20_000 });
    await row.click();
    // A command that opens its own quick input keeps the widget on screen: the caller waits for its rows.
    if (opensQuickInput) return;
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10_000 });
  }

  /** Opens a file of the workspace: its row in the Explorer when shown, else Ctrl+P, its name, Enter. */
  async openFile(basename) {
    const row = this.page.locator('.explorer-folders-view .monaco-list-row', { hasText: basename }).first();
    if (await row.isVisible()) await row.click();
    else {
      await this.page.keyboard.press('Control+P');
      await this.quickInputBox().waitFor({ state: 'visible', timeout: 10_000 });
      await this.quickInputBox().fill(basename);
      await this.page.locator('.quick-input-widget .monaco-list-row', { hasText: basename }).first().waitFor({ state: 'visible', timeout: 20_000 });
      await this.page.keyboard.press('Enter');
    }
    await this.waitForEditor(basename);
  }

  /** Waits for VS Code's modal dialog, returns its text and presses `button`. */
  async answerDialog(button, timeout = 20_000) {
    const dialog = this.page.locator('.monaco-dialog-box');
    await dialog.waitFor({ state: 'visible', timeout });
    const text = await dialog.innerText();
    await dialog.locator('.monaco-button', { hasText: new RegExp(`^${button}$`) }).first().click();
    await dialog.waitFor({ state: 'hidden', timeout: 10_000 });
    return text;
  }

  /** Drags the sash between the side bar and the editor to `x` pixels, so the views' rows are read whole. */
  async widenSideBar(x = 700) {
    const sash = this.page.locator('.part.sidebar + .monaco-sash, .monaco-sash.vertical').first();
    const box = await sash.boundingBox();
    if (!box) return;
    await this.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await this.page.mouse.down();
    await this.page.mouse.move(x, box.y + box.height / 2, { steps: 5 });
    await this.page.mouse.up();
  }

  /** A screenshot of one part of the window, under a fixed name (the README shows some of them). */
  async screenshotOf(locator, name) {
    mkdirSync(this.shotsDir, { recursive: true });
    const path = join(this.shotsDir, `${name}.png`);
    await locator.screenshot({ path });
    return path;
  }

  /** Closes whatever a failed step left open (quick input, menus, dialogs). */
  async escape() {
    for (let i = 0; i < 3; i++) await this.page.keyboard.press('Escape');
  }

  async editorText() {
    // The editor renders spaces as no-break spaces.
    const text = await this.page.locator('.editor-group-container.active .monaco-editor .view-lines').first().innerText();
    return text.replace(/\u00a0/g, ' ');
  }

  async close() {
    await this.browser.close();
  }
}
