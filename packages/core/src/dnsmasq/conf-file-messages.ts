import type { ArgvProblemCode } from './argv/parsed-argv.js';

const CLI_PREFIX = 'bad command line options: ';

/**
 * What dnsmasq 2.90 says, before ` at line N of FILE`, when it refuses a conf-file line, given what it says for
 * the same option on the command line (`code` for getopt-level problems, none for a refused value). Measured
 * with `dnsmasq --test --conf-file=F`: unknown or abbreviated names are `bad option`, a flag given a value is
 * `extraneous parameter`, a missing one `missing parameter`, a value refused with `try --help` just `error`.
 */
export function confFileReason(cliMessage: string, code?: ArgvProblemCode): string {
  switch (code) {
    case 'unknown-option':
    case 'ambiguous-option':
      return 'bad option';
    case 'unexpected-argument':
      return 'extraneous parameter';
    case 'missing-argument':
      return 'missing parameter';
    case 'repeated-option':
      return 'illegal repeated keyword';
    default: {
      const reason = cliMessage.startsWith(CLI_PREFIX) ? cliMessage.slice(CLI_PREFIX.length) : cliMessage;
      return reason === 'try --help' ? 'error' : reason;
    }
  }
}
