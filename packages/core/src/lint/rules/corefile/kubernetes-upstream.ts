import { options, plugins } from './corefile-facts.js';
import { deleteDirectiveLine } from './corefile-edits.js';
import type { CorefileRule } from './corefile-rule.js';
import { removedNote } from './version-note.js';

/** CF012: `upstream` inside the kubernetes block, a start-up error since CoreDNS 1.7.0. */
export const kubernetesUpstream: CorefileRule = {
  id: 'coredns-kubernetes-upstream',
  defaultSeverity: 'error',
  summary: '`upstream` inside `kubernetes` was removed; CoreDNS 1.7.0 and later do not start.',
  refs: ['CF012'],
  fixable: true,
  check({ text, corefile, version, imageTemplated, report }) {
    const { applies, note, uncertain } = removedNote(version, '1.7.0', imageTemplated);
    if (!applies) return;
    for (const { directive } of plugins(corefile, 'kubernetes')) {
      for (const option of options(directive, 'upstream')) {
        const edit = deleteDirectiveLine(text, corefile, option);
        report({
          range: option.name,
          message: `\`upstream\` was removed from the kubernetes plugin (ignored since 1.5, an error since 1.7.0): CoreDNS refuses to start with "plugin/kubernetes: … unknown property 'upstream'". Delete the line; external names are resolved without it (${note}).`,
          fixes: edit ? [{ title: 'Remove `upstream`', edits: [edit], preferred: !uncertain }] : [],
          ...(uncertain ? { atMost: 'warning' as const } : {}),
        });
      }
    }
  },
};
