import { durationSeconds, isTemplated, options, plugins } from './corefile-facts.js';
import { insertOption } from './corefile-edits.js';
import type { CorefileRule } from './corefile-rule.js';
import { supports } from './version-note.js';

/** CF005 (warning): serve_stale with SERVFAIL caching still on. */
export const staleServfail: CorefileRule = {
  id: 'coredns-stale-servfail',
  defaultSeverity: 'warning',
  summary: '`serve_stale` without `servfail 0`: a cached SERVFAIL can be served stale.',
  refs: ['CF005'],
  fixable: true,
  check({ text, corefile, version, report }) {
    for (const { directive: cache } of plugins(corefile, 'cache')) {
      if (isTemplated(cache)) continue;
      const stale = options(cache, 'serve_stale')[0];
      if (!stale) continue;
      if (options(cache, 'servfail').some((o) => o.args[0] !== undefined && durationSeconds(o.args[0].value) === 0)) continue;
      const edit = supports(version, '1.9.4') ? insertOption(text, corefile, cache, 'servfail 0') : undefined;
      report({
        range: stale.name,
        message:
          'SERVFAIL answers from an upstream are cached (5 s by default) and, with `serve_stale`, served again after they expire, for as long as the stale window; before CoreDNS 1.14.4 a stale SERVFAIL even hid a valid positive entry. Add `servfail 0` (CoreDNS 1.9.4 and later) so failures are never replayed.',
        fixes: edit ? [{ title: 'Do not cache SERVFAIL (`servfail 0`)', edits: [edit], preferred: true }] : [],
      });
    }
  },
};
