import type { CfDirective } from '../../../corefile/model.js';
import { options, plugins } from './corefile-facts.js';
import { deleteDirectiveLine } from './corefile-edits.js';
import type { CorefileRule } from './corefile-rule.js';
import { removedNote } from './version-note.js';

/** CF014: other options and plugins that current CoreDNS refuses. */
export const removedOption: CorefileRule = {
  id: 'coredns-removed-option',
  defaultSeverity: 'error',
  summary: 'A removed kubernetes option (`resyncperiod`, `transfer`) or the removed `federation` plugin.',
  refs: ['CF014'],
  fixable: true,
  check({ text, corefile, version, imageTemplated, report }) {
    const flag = (d: CfDirective, removedIn: string, what: string, deletable: boolean): void => {
      const { applies, note, uncertain } = removedNote(version, removedIn, imageTemplated);
      if (!applies) return;
      const edit = deletable ? deleteDirectiveLine(text, corefile, d) : undefined;
      report({
        range: d.name,
        message: `${what} CoreDNS ${removedIn} and later refuse to start with it (${note}).`,
        fixes: edit ? [{ title: `Remove \`${d.name.value}\``, edits: [edit], preferred: !uncertain }] : [],
        ...(uncertain ? { atMost: 'warning' as const } : {}),
      });
    };
    for (const { directive } of plugins(corefile, 'kubernetes')) {
      for (const o of options(directive, 'resyncperiod')) flag(o, '1.7.0', '`resyncperiod` was removed from the kubernetes plugin (the API watch needs no resync).', true);
      for (const o of options(directive, 'transfer')) flag(o, '1.8.0', '`transfer` moved out of the kubernetes plugin into the `transfer` plugin (`transfer { to … }` in the server block).', false);
    }
    for (const { directive } of plugins(corefile, 'federation')) {
      flag(directive, '1.7.0', 'The `federation` plugin was removed (Kubernetes federation v1 is gone) and has no replacement.', true);
    }
  },
};
