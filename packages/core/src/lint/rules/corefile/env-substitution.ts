import type { CorefileRule } from './corefile-rule.js';

/** CF020: `{$VAR}` expands inside one word; an unset variable becomes the empty string. */
export const envSubstitution: CorefileRule = {
  id: 'coredns-env-substitution',
  defaultSeverity: 'info',
  summary: '`{$VAR}` expands to exactly one word, and to nothing when unset.',
  refs: ['CF020'],
  fixable: false,
  check({ text, corefile, report }) {
    for (const token of corefile.tokens) {
      if (!token.env) continue;
      const name = /\{\$([^}\s]*)\}|\{%([^%\s]*)%\}/.exec(token.value);
      const variable = name?.[1] ?? name?.[2] ?? '';
      const at = text.indexOf(name?.[0] ?? '\u0000', token.start);
      const range = at >= 0 && at < token.end ? { start: at, end: at + name![0].length } : token;
      report({
        range,
        message: `\`${variable}\` is expanded by CoreDNS inside this one word: a value with several addresses stays one argument (forward then fails with "not an IP address or file"), and an unset variable becomes empty (\`{$${variable}}:9253\` turns into \`:9253\`, all interfaces). Make sure the pod sets it to a single value.`,
      });
    }
  },
};
