/** The lint engine's output: plain data, the same for the CLI and the language server. */

export type Severity = 'error' | 'warning' | 'info' | 'hint';

/** A rule's severity as settings give it, or `off`. */
export type RuleSetting = Severity | 'off';

export type { Position, SourceSpan, TextEdit } from '../text/text-edit.js';
import type { SourceSpan, TextEdit } from '../text/text-edit.js';

export interface Fix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
  readonly preferred?: boolean;
}

export interface Finding {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly message: string;
  readonly span: SourceSpan;
  readonly docsUrl: string;
  readonly fixes: readonly Fix[];
}
