import { tokenOffset } from '../../text/source-range.js';
import { quotedExcerpt } from '../quoted-excerpt.js';
import type { Rule } from '../rule.js';

/** A blank (or ` - `) followed by something that looks like an option, inside one argv word. */
const MERGED = /\s+(-\s+)?(--?[A-Za-z0-9][^\s]*)/;

export const mergedArguments: Rule = {
  id: 'merged-arguments',
  defaultSeverity: 'warning',
  summary: 'One argument holds two options ("--a --b" or "--a - --b"): Kubernetes passes each list item as one word.',
  check(context) {
    for (const facts of context.invocations) {
      // A conf line is not a list item: such a line is one unknown option there (unknown-option says so).
      if (facts.isConfFile()) continue;
      for (const arg of facts.invocation.args) {
        if (arg.templated || !arg.text.startsWith('-')) continue;
        const m = MERGED.exec(arg.text);
        if (!m) continue;
        const lostBreak = m[1] !== undefined;
        const word = quotedExcerpt(arg.text);
        const option = quotedExcerpt(m[2]!);
        context.report({
          range: { start: tokenOffset(arg, m.index + 1), end: tokenOffset(arg, arg.text.length) },
          message: lostBreak
            ? `"${word}" is a single argument: "- ${option}" inside it looks like a list item that lost its line break, so dnsmasq never sees ${option} as an option.`
            : `"${word}" is a single argument: Kubernetes passes each list item to dnsmasq as one word without splitting it at blanks, so ${option} is not seen as an option. Give it its own list item.`,
          workload: facts.invocation.workload,
        });
      }
    }
  },
};
