import type { Range } from '../text/source-range.js';

/** One Corefile token. `start`/`end` are offsets in the linted document (the manifest, for a ConfigMap key). */
export interface CfToken {
  /** The token as CoreDNS reads it: quotes removed, `\"` unescaped, a mid-token `#…` cut off. */
  readonly value: string;
  readonly start: number;
  readonly end: number;
  /** 0-based line inside the Corefile, as CoreDNS counts lines (used to group tokens). */
  readonly line: number;
  readonly quoted: boolean;
  /** Holds a template placeholder (`{{ }}`, `__PILLAR__X__`, a sed marker, `$VAR`): its value cannot be judged. */
  readonly templated: boolean;
  /** Holds a CoreDNS environment reference `{$NAME}` / `{%NAME%}`, expanded inside this one token. */
  readonly env: boolean;
  /** A `#` inside the token: this part (from the `#` to the next blank) is a comment CoreDNS drops. */
  readonly hashCut?: Range;
}

/** A directive line (`cache 30`) or an option line inside a plugin block (`denial 9984 5`). */
export interface CfDirective {
  readonly name: CfToken;
  readonly args: readonly CfToken[];
  readonly block?: CfBlock;
  /** Depth: 0 for a plugin of a server block, 1 for its options, and so on. */
  readonly depth: number;
}

export interface CfBlock {
  /** The `{` token; absent for a brace-less server block. */
  readonly open?: CfToken;
  /** The `}` token; absent when the block is never closed. */
  readonly close?: CfToken;
  readonly directives: readonly CfDirective[];
  /** The block holds lines made only of template output (`{{ extra | indent 8 }}`): what they add is unknown. */
  readonly opaque: boolean;
}

export interface CfServerBlock {
  readonly keys: readonly CfToken[];
  readonly block: CfBlock;
  /** `(name)` blocks are snippets: stored for `import`, not served. */
  readonly snippet: boolean;
}

export type CfProblemKind =
  | 'glued-brace'
  | 'one-line-block'
  | 'brace-next-line'
  | 'stray-close'
  | 'unclosed-block'
  | 'unterminated-quote'
  | 'unexpected-close';

/** A structural problem found while reading: data, never an exception. */
export interface CfProblem {
  readonly kind: CfProblemKind;
  readonly message: string;
  readonly range: Range;
}

export type CorefileKind = 'coredns' | 'node-local-dns' | 'unknown';

export interface Corefile {
  readonly servers: readonly CfServerBlock[];
  /** `import` lines at top level. */
  readonly imports: readonly CfDirective[];
  readonly problems: readonly CfProblem[];
  /** Template control tags or output-only lines were seen: structure-level verdicts are not safe. */
  readonly templated: boolean;
  /** Top-level lines made only of template output: whole server blocks may come from them. */
  readonly opaque: boolean;
  /** Every token, in order (rules that look at words regardless of structure). */
  readonly tokens: readonly CfToken[];
  readonly source: CorefileSource;
}

/** Where the Corefile text came from in the linted document. */
export interface CorefileSource {
  /** `standalone` file, a YAML block scalar, or a quoted (JSON / YAML double-quoted) string. */
  readonly form: 'standalone' | 'block-scalar' | 'quoted';
  readonly kind: CorefileKind;
  /** The ConfigMap data key (`Corefile`), absent for a standalone file. */
  readonly key?: string;
  /** Range of the value in the document (the block scalar body or the quoted string). */
  readonly range: Range;
  /** Source lines are the Corefile's lines (standalone, block scalar): line-based edits are safe. */
  readonly lineEdits: boolean;
}
