import { tryHelp } from '../dnsmasq/argv/argv-problems.js';
import type { ParsedArgv } from '../dnsmasq/argv/parsed-argv.js';
import type { ArgToken } from '../text/source-range.js';

/**
 * A conf file names options in full: what getopt takes as an abbreviation on the command line (`no-neg`),
 * dnsmasq 2.90 refuses in a conf file (`bad option at line N`). Such options become unknown-option problems
 * whose one candidate is the full name.
 */
export function refuseAbbreviations(argv: ParsedArgv, tokens: readonly ArgToken[]): ParsedArgv {
  const abbreviated = argv.options.filter((o) => o.form === 'long' && o.spelled !== `--${o.spec.long}`);
  if (abbreviated.length === 0) return argv;
  const refused = abbreviated.map((o) =>
    tryHelp('unknown-option', `A conf file takes whole option names only: ${o.spelled.slice(2)} abbreviates ${o.spec.long}.`, tokens[o.tokenIndex]!, o.tokenIndex, o.nameRange, {
      candidates: [o.spec.long],
    }),
  );
  return {
    options: argv.options.filter((o) => !abbreviated.includes(o)),
    positionals: argv.positionals,
    problems: [...argv.problems, ...refused].sort((a, b) => a.tokenIndex - b.tokenIndex),
  };
}
