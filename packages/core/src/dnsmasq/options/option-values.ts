import type { OptionSpec } from './option-spec.js';
import { boundedCheck, digitsCheck, fastDnsRetryCheck } from './option-values-numbers.js';
import { addressPrefixCheck, listenAddressCheck, localServiceCheck, logFacilityCheck } from './option-values-misc.js';
import { rrTypeListCheck } from './option-values-rr-types.js';
import { refuse, type ValueCheck, type ValueVerdict } from './option-values-verdict.js';
import { parseServerValue, type ServerGrammarOptions } from '../server/server.js';
import { SERVER_OPTION_KINDS, type ServerOptionKind } from '../server/server-spec.js';

export type { ValueVerdict } from './option-values-verdict.js';

const INT_MAX = 2 ** 31 - 1;

/**
 * Options whose value dnsmasq 2.90 takes as is while parsing (checked with paths, blanks, commas,
 * Unicode and 3000-character values); files, users and interfaces are only looked at when it starts.
 */
const ANY_VALUE = ['log-queries', 'user', 'group', 'pid-file', 'resolv-file', 'servers-file', 'addn-hosts', 'hostsdir',
  'interface', 'except-interface'];
const acceptAnything: ValueCheck = () => undefined;
const port = boundedCheck(0, 0xffff, 'a port number');
const digits = digitsCheck();

function serverFamily(option: ServerOptionKind, context: ServerGrammarOptions): ValueCheck {
  return (value) => {
    if (value === undefined) return refuse(value, `--${option} needs a value.`);
    const result = parseServerValue(option, value, context);
    return result.ok ? undefined : result.error;
  };
}

function checksFor(context: ServerGrammarOptions): Record<string, ValueCheck> {
  return {
    ...Object.fromEntries(SERVER_OPTION_KINDS.map((kind) => [kind, serverFamily(kind, context)])),
    port,
    'query-port': port,
    'min-port': port,
    'max-port': port,
    'cache-size': digitsCheck(true),
    'edns-packet-max': digits,
    'neg-ttl': digits,
    'max-ttl': digits,
    'min-cache-ttl': digits,
    'max-cache-ttl': digits,
    'local-ttl': digits,
    'auth-ttl': digits,
    'dhcp-ttl': digits,
    'dns-forward-max': digits,
    'dhcp-lease-max': digits,
    'tftp-max': digits,
    'tftp-mtu': digits,
    'log-async': digits,
    'max-tcp-connections': boundedCheck(1, INT_MAX, 'a number'),
    'port-limit': boundedCheck(1, INT_MAX, 'a number'),
    'use-stale-cache': boundedCheck(0, INT_MAX, 'a number of seconds'),
    'fast-dns-retry': fastDnsRetryCheck,
    'log-facility': logFacilityCheck,
    'local-service': localServiceCheck,
    'listen-address': listenAddressCheck,
    'bogus-nxdomain': addressPrefixCheck,
    'ignore-address': addressPrefixCheck,
    'cache-rr': rrTypeListCheck,
    'filter-rr': rrTypeListCheck,
    ...Object.fromEntries(ANY_VALUE.map((long) => [long, acceptAnything])),
  };
}

const DEFAULT_CHECKS = checksFor({});

/** Long names of the options whose values are checked here; every other value is accepted as is. */
export const MODELLED_VALUE_OPTIONS: ReadonlySet<string> = new Set(Object.keys(DEFAULT_CHECKS));

/**
 * dnsmasq 2.90's verdict on one option's value: undefined when dnsmasq accepts it (or when the option's
 * value is not modelled, see MODELLED_VALUE_OPTIONS), else its reason, our explanation and the range
 * inside the value at fault. `value` is undefined when an optional-argument option came without `=`.
 * A value given to a flag is the argv parser's business, not this function's.
 * Host names in server values are accepted (dnsmasq resolves them at start-up).
 */
export function validateOptionValue(
  spec: OptionSpec,
  value: string | undefined,
  form: 'long' | 'short',
  context: ServerGrammarOptions = {},
): ValueVerdict | undefined {
  const checks = context.interfaceExists ? checksFor(context) : DEFAULT_CHECKS;
  const check = Object.hasOwn(checks, spec.long) ? checks[spec.long] : undefined;
  if (!check) return undefined;
  const name = form === 'short' && spec.short ? `-${spec.short}` : `--${spec.long}`;
  return check(value, name);
}
