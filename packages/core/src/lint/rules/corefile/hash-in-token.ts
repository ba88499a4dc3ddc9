import type { Fix } from '../../finding.js';
import { isIPv4, isIPv6 } from './corefile-facts.js';
import type { CorefileRule } from './corefile-rule.js';

/** CF021: `#` inside a word starts a comment up to the next blank — dnsmasq's `ip#port` silently loses its port. */
export const hashInToken: CorefileRule = {
  id: 'coredns-hash-in-token',
  defaultSeverity: 'error',
  summary: '`#` inside a word (dnsmasq-style `ip#port`): CoreDNS drops everything from `#` to the next blank.',
  refs: ['CF021'],
  fixable: true,
  check({ text, corefile, report }) {
    for (const token of corefile.tokens) {
      const cut = token.hashCut;
      if (!cut || token.templated) continue;
      const dropped = text.slice(cut.start, cut.end);
      const port = /^#(\d+)$/.exec(dropped)?.[1];
      const host = token.value;
      const fixes: Fix[] = [];
      if (port !== undefined && text.slice(token.start, token.end) === host && (isIPv4(host) || isIPv6(host))) {
        const newText = isIPv6(host) ? `[${host}]:${port}` : `${host}:${port}`;
        fixes.push({ title: `Write \`${newText}\``, edits: [{ start: token.start, end: cut.end, newText }], preferred: true });
      }
      report({
        range: { start: token.start, end: cut.end },
        message:
          port !== undefined
            ? `In a Corefile \`#\` starts a comment: \`${host}${dropped}\` means \`${host}\` on port 53, and the port is lost without an error. dnsmasq's \`ip#port\` is written \`${isIPv6(host) ? `[${host}]` : host}:${port}\` here.`
            : `In a Corefile \`#\` starts a comment, even inside a word: CoreDNS reads \`${host}\` and drops \`${dropped}\`. Quote the word if the \`#\` is meant.`,
        fixes,
      });
    }
  },
};

