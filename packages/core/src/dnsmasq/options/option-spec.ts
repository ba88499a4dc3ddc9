/** How an option takes its value, as in getopt_long's `has_arg`. */
export type ArgKind = 'none' | 'required' | 'optional';

/**
 * What dnsmasq does when the option is given twice on the command line:
 * `once` options fail with `illegal repeated flag`, `flag` and `repeatable` may repeat,
 * `special` (--version, --help, --test) are acted on when reached.
 */
export type RepeatClass = 'flag' | 'once' | 'repeatable' | 'special';

export interface OptionSpec {
  /** Long name without the leading dashes, e.g. `no-negcache`. */
  readonly long: string;
  /** Short letter without the dash, e.g. `N`. Several long names may share one letter (`--domain`/`--domain-suffix`). */
  readonly short?: string;
  /** Whether the short form needs an argument (short options never take optional arguments). */
  readonly shortArg?: 'none' | 'required';
  /** Argument kind of the long form. */
  readonly arg: ArgKind;
  readonly repeat: RepeatClass;
  /** The value's shape as the man page writes it, e.g. `<cachesize>`. */
  readonly metavar?: string;
}
