import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Severity } from '@kube-dns-tools/core/lint';
import { lintedFilePath } from './file-path.js';
import type { LintJob, LintOutcome } from './lint-job.js';
import { LintBudgetError, LintSupersededError, type LintPool } from './lint-pool.js';
import type { EffectiveSettings } from './settings.js';

/** The findings of one exact version of a document, linted from `text`. */
export interface LintSnapshot {
  readonly uri: string;
  readonly version: number;
  readonly text: string;
  readonly outcome: LintOutcome;
}

export interface DocumentLinterHost {
  document(uri: string): TextDocument | undefined;
  settings(): EffectiveSettings;
  /** Rule severities from the repository's `.kube-dns-tools.yaml`, for the document's file path. */
  fileRules(filePath: string | undefined): Record<string, Severity | 'off'>;
  /** `corednsVersion` of the repository's `.kube-dns-tools.yaml`, for the document's file path. */
  fileCorednsVersion(filePath: string | undefined): string | undefined;
  filePath(uri: string): string | undefined;
  /** Called once per fresh snapshot of the current version. */
  onLinted(snapshot: LintSnapshot): void;
  log(message: string): void;
}

interface DocumentState {
  timer?: NodeJS.Timeout;
  /** Pull requests waiting for the typing pause to end. */
  waiters: (() => void)[];
  latest?: LintSnapshot;
  running?: { version: number; promise: Promise<LintSnapshot | undefined> };
  fixed?: { version: number; text: string; fixed: Promise<string> };
}

const EMPTY: Omit<LintOutcome, 'id'> = { ok: true, findings: [], omitted: 0, invocations: 0, configMaps: 0, durationMs: 0 };

/** Longer documents are not linted (a 16 M-character manifest takes the worker over a minute and gigabytes). */
export const MAX_LINTED_CHARS = 16 * 1024 * 1024;

function notLinted(why: string): LintOutcome {
  return { ...EMPTY, id: 0, notice: `kube-dns-tools did not lint this document: ${why}. Its other features still work; \`kube-dns-tools lint\` lints it without limits.` };
}

/**
 * Lints each open document about `lintDelayMs` after its last change, keeps the newest snapshot,
 * and drops results of versions that changed while the lint ran.
 */
export class DocumentLinter {
  private readonly states = new Map<string, DocumentState>();
  lints = 0;
  lastLintMs: number | undefined;

  constructor(
    private readonly pool: LintPool,
    private readonly host: DocumentLinterHost,
  ) {}

  schedule(uri: string, delayMs = this.host.settings().lintDelayMs): void {
    const state = this.state(uri);
    if (state.timer) clearTimeout(state.timer);
    state.timer = undefined;
    if (delayMs <= 0) {
      // No pause asked for: lint now rather than after a timer's tick (at least 1 ms, far more on a loaded machine).
      this.wake(state);
      void this.current(uri);
      return;
    }
    state.timer = setTimeout(() => {
      state.timer = undefined;
      this.wake(state);
      void this.current(uri);
    }, delayMs);
  }

  /** Resolves once the document's pending debounce (if any) has run out. */
  afterDebounce(uri: string): Promise<void> {
    const state = this.states.get(uri);
    if (!state?.timer) return Promise.resolve();
    return new Promise((resolve) => state.waiters.push(resolve));
  }

  private wake(state: DocumentState): void {
    const waiters = state.waiters.splice(0);
    for (const resolve of waiters) resolve();
  }

  /** The snapshot of the document's current version, linting now if there is none yet. */
  async current(uri: string): Promise<LintSnapshot | undefined> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const document = this.host.document(uri);
      if (!document) return undefined;
      const state = this.state(uri);
      if (state.latest?.version === document.version) return state.latest;
      if (state.timer) {
        clearTimeout(state.timer);
        state.timer = undefined;
        this.wake(state);
      }
      const running = state.running?.version === document.version ? state.running.promise : this.run(uri, document, state);
      const snapshot = await running;
      if (!snapshot) {
        // Superseded by a newer version, or by a new lint of this one (settings changed): wait for that instead.
        if (this.host.document(uri)?.version !== document.version || state.running) continue;
        return undefined;
      }
      if (snapshot.version === this.host.document(uri)?.version) return snapshot;
    }
    return undefined;
  }

  latest(uri: string): LintSnapshot | undefined {
    return this.states.get(uri)?.latest;
  }

  forget(uri: string): void {
    const state = this.states.get(uri);
    if (state?.timer) clearTimeout(state.timer);
    if (state) this.wake(state);
    this.states.delete(uri);
    this.pool.forget(uri);
  }

  /** Settings or the config file changed: every snapshot is stale. */
  invalidateAll(): void {
    for (const [uri, state] of this.states) {
      state.latest = undefined;
      state.fixed = undefined;
      this.schedule(uri, 0);
    }
  }

  openUris(): string[] {
    return [...this.states.keys()];
  }

  private run(uri: string, document: TextDocument, state: DocumentState): Promise<LintSnapshot | undefined> {
    const version = document.version;
    const text = document.getText();
    const promise = this.lint(uri, version, text).then(
      (snapshot) => {
        if (state.running?.promise === promise) state.running = undefined;
        if (!snapshot || this.host.document(uri)?.version !== version || this.states.get(uri) !== state) return snapshot;
        state.latest = snapshot;
        this.host.onLinted(snapshot);
        return snapshot;
      },
      (error: unknown) => {
        if (state.running?.promise === promise) state.running = undefined;
        if (error instanceof LintSupersededError) return undefined;
        this.host.log(`lint of ${uri} failed: ${error instanceof Error ? error.message : String(error)}`);
        return undefined;
      },
    );
    state.running = { version, promise };
    return promise;
  }

  /**
   * The text `source.fixAll` leaves for the snapshot: `lint --fix`'s own loop (core's fixUntilStable) run in the
   * worker with the document's rules; one run per document version.
   */
  fixedText(snapshot: LintSnapshot): Promise<string> {
    const state = this.state(snapshot.uri);
    if (state.fixed?.version !== snapshot.version || state.fixed.text !== snapshot.text) {
      const settings = this.host.settings();
      const fixed = settings.enable
        ? this.pool.lint({ ...this.jobFor(snapshot.uri, snapshot.text), fix: true }, settings.lintTimeoutMs).then(
            (outcome) => outcome.fixedText ?? snapshot.text,
            (error: unknown) => {
              if (state.fixed?.fixed === fixed) state.fixed = undefined;
              throw error;
            },
          )
        : Promise.resolve(snapshot.text);
      state.fixed = { version: snapshot.version, text: snapshot.text, fixed };
    }
    return state.fixed.fixed;
  }

  private jobFor(uri: string, text: string): Omit<LintJob, 'id' | 'type'> {
    const filePath = this.host.filePath(uri);
    const settings = this.host.settings();
    const corednsVersion = settings.corednsVersion ?? this.host.fileCorednsVersion(filePath);
    return {
      key: uri,
      text,
      filePath: lintedFilePath(filePath, this.host.document(uri)?.languageId),
      rules: { ...this.host.fileRules(filePath), ...settings.rules },
      ...(corednsVersion !== undefined ? { corednsVersion } : {}),
    };
  }

  private async lint(uri: string, version: number, text: string): Promise<LintSnapshot | undefined> {
    const settings = this.host.settings();
    if (!settings.enable) return { uri, version, text, outcome: { ...EMPTY, id: 0 } };
    if (text.length > MAX_LINTED_CHARS) {
      return { uri, version, text, outcome: notLinted(`it has ${text.length} characters, over the budget of ${MAX_LINTED_CHARS}`) };
    }
    let outcome: LintOutcome;
    try {
      outcome = await this.pool.lint(this.jobFor(uri, text), settings.lintTimeoutMs);
    } catch (error) {
      if (!(error instanceof LintBudgetError)) throw error;
      return { uri, version, text, outcome: notLinted(error.message) };
    }
    this.lints++;
    this.lastLintMs = outcome.durationMs;
    return { uri, version, text, outcome };
  }

  private state(uri: string): DocumentState {
    let state = this.states.get(uri);
    if (!state) {
      state = { waiters: [] };
      this.states.set(uri, state);
    }
    return state;
  }
}
