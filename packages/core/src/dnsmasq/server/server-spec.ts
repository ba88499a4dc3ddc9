import type { Range } from '../../text/source-range.js';

/** The options that share dnsmasq's server-value grammar. `local` is a pure synonym of `server`. */
export const SERVER_OPTION_KINDS = ['server', 'local', 'address', 'rev-server'] as const;
export type ServerOptionKind = (typeof SERVER_OPTION_KINDS)[number];

export function isServerOptionKind(long: string): long is ServerOptionKind {
  return (SERVER_OPTION_KINDS as readonly string[]).includes(long);
}

export interface DomainPattern {
  /** As written between the slashes (for --rev-server: the network as written). */
  readonly text: string;
  /**
   * Lower-cased, IDN converted to punycode, one trailing dot dropped; for `suffix` leading dots removed;
   * for `wildcard` only the `*` removed (`*.example.com` -> `.example.com`, `*example.com` -> `example.com`:
   * a name matches when it ends with this text); for --rev-server the derived zone.
   */
  readonly name: string;
  /**
   * `suffix`: whole-label suffix match; `wildcard`: written `*name`, matches any name ending in `name`;
   * `unqualified`: written `//`, dot-less names; `all`: written `#`, every name.
   */
  readonly kind: 'suffix' | 'wildcard' | 'unqualified' | 'all';
  /** Offsets inside the option value. */
  readonly range: Range;
}

export interface SourceBinding {
  readonly address?: string;
  readonly family?: 4 | 6;
  readonly port?: number;
  readonly interface?: string;
}

export type ServerTarget =
  /** Empty target (`--server=/d/`, `--local=/d/`, `--address=/d/`, `--server=`): names are answered NXDOMAIN locally. */
  | { readonly kind: 'local' }
  /** `#` on --server/--local: use the standard (default) servers for these domains. */
  | { readonly kind: 'default-servers' }
  /** `#` on --address: 0.0.0.0 for A and :: for AAAA. */
  | { readonly kind: 'null-address' }
  /** --address literal. */
  | { readonly kind: 'address'; readonly family: 4 | 6; readonly address: string }
  /** An upstream given as an IP literal (normalised: `127.1` -> `127.0.0.1`). */
  | {
      readonly kind: 'upstream';
      readonly family: 4 | 6;
      readonly address: string;
      readonly port: number;
      readonly scopeId?: string;
      readonly source?: SourceBinding;
    }
  /** An upstream given as a hostname: dnsmasq resolves it once, at start-up. */
  | {
      readonly kind: 'hostname';
      readonly host: string;
      readonly port: number;
      /** `%scope` as written; dnsmasq applies it to the IPv6 addresses the name resolves to. */
      readonly scopeId?: string;
      readonly source?: SourceBinding;
    };

export interface ServerSpec {
  readonly option: ServerOptionKind;
  /** The value exactly as given. */
  readonly raw: string;
  /** Empty when the rule applies to every name (no `/domain/` part). */
  readonly domains: readonly DomainPattern[];
  readonly target: ServerTarget;
  /** Offsets of the target inside the value. */
  readonly targetRange: Range;
  /** Offsets of the port digits inside the value, when a `#port` was written. */
  readonly portRange?: Range;
}

export interface ServerGrammarError {
  /** dnsmasq's own reason, as printed after `bad command line options: ` (e.g. `bad port`, `Bad address in --address`). */
  readonly reason: string;
  /** Our explanation for a human. */
  readonly explanation: string;
  /** Offsets inside the value of the characters at fault. */
  readonly range: Range;
  /**
   * True when dnsmasq asks the system resolver about the server's host before reaching this verdict
   * (so running the real dnsmasq on this value sends a DNS query). Absent means no lookup.
   */
  readonly lookup?: boolean;
}

export type ServerParseResult =
  | { readonly ok: true; readonly spec: ServerSpec }
  | { readonly ok: false; readonly error: ServerGrammarError };
