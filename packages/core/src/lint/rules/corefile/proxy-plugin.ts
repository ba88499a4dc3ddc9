import { plugins } from './corefile-facts.js';
import { replaceToken } from './corefile-edits.js';
import type { CorefileRule } from './corefile-rule.js';
import { removedNote } from './version-note.js';

/** CF013: the `proxy` plugin left CoreDNS in 1.5.0; `forward` replaces it. */
export const proxyPlugin: CorefileRule = {
  id: 'coredns-proxy-plugin',
  defaultSeverity: 'error',
  summary: 'The `proxy` plugin was removed in CoreDNS 1.5.0; use `forward`.',
  refs: ['CF013'],
  fixable: true,
  check({ text, corefile, version, imageTemplated, report }) {
    const { applies, note, uncertain } = removedNote(version, '1.5.0', imageTemplated);
    if (!applies) return;
    for (const { directive } of plugins(corefile, 'proxy')) {
      const edit = directive.block ? undefined : replaceToken(text, directive.name, 'forward');
      report({
        range: directive.name,
        message: `\`proxy\` is no longer part of CoreDNS (removed in 1.5.0): it fails to start with "Unknown directive 'proxy'". Use \`forward\` with the same zone and upstreams (${note}).`,
        fixes: edit ? [{ title: 'Use `forward`', edits: [edit], preferred: !uncertain }] : [],
        ...(uncertain ? { atMost: 'warning' as const } : {}),
      });
    }
  },
};
