/** How users write suppressions; the engine reads them (suppressions.ts), the faces write and complete them. */

/** `# kube-dns-tools-disable-next-line RULE -- reason`: the findings of the next line. */
export const SUPPRESS_NEXT_LINE = 'kube-dns-tools-disable-next-line';
/** `# kube-dns-tools-disable RULE -- reason`: the whole file. */
export const SUPPRESS_FILE = 'kube-dns-tools-disable';
/** `kube-dns-tools.io/disable: "RULE -- reason"` on a workload: its findings. */
export const DISABLE_ANNOTATION = 'kube-dns-tools.io/disable';
/** What a written suppression says in place of the reason the user still owes. */
export const REASON_PLACEHOLDER = '<reason>';

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A suppression comment anywhere in a text; group 2 is the kind, group 3 the body (rules, `--`, reason). */
export const SUPPRESSION_COMMENT = new RegExp(
  `(^|[ \\t])#[ \\t]*(${escape(SUPPRESS_NEXT_LINE)}|${escape(SUPPRESS_FILE)})(?![\\w-])([^\\r\\n]*)`,
  'gm',
);

const RULE_BEING_TYPED = new RegExp(
  `(?:#\\s*(?:${escape(SUPPRESS_NEXT_LINE)}|${escape(SUPPRESS_FILE)})\\s+|${escape(DISABLE_ANNOTATION)}["']?\\s*:\\s*["']?)(?:[\\w-]+\\s*,\\s*)*([\\w-]*)$`,
);

/**
 * When `linePrefix` (a line up to the cursor) ends where a suppression names a rule, the part of the rule id typed
 * so far ('' when none yet); undefined elsewhere.
 */
export function suppressionRuleBeingTyped(linePrefix: string): string | undefined {
  const match = RULE_BEING_TYPED.exec(linePrefix);
  return match ? (match[1] ?? '') : undefined;
}
