import { CACHE_OPTION_DOCS } from './option-docs-dns-cache.js';
import { DAEMON_OPTION_DOCS } from './option-docs-dns-daemon.js';
import { FILTERING_OPTION_DOCS } from './option-docs-dns-filtering.js';
import { FORWARDING_OPTION_DOCS } from './option-docs-dns-forwarding.js';
import { DNSMASQ_MAN_PAGE_URL, manPageUrl } from './option-docs-man-link.js';
import { DHCP_TFTP_OPTION_DOCS } from './option-docs-other-dhcp.js';
import { OTHER_DNS_OPTION_DOCS } from './option-docs-other-dns.js';
import type { OptionDocTable } from './option-docs-text.js';

export { DNSMASQ_MAN_PAGE_URL } from './option-docs-man-link.js';

/** Documentation of one dnsmasq 2.90 option, for hover, completion and the CLI. */
export interface OptionDoc {
  /** One line, at most 120 characters, our own words. */
  readonly summary: string;
  /** Markdown paragraph for the options that matter to DNS forwarding and caching. */
  readonly details?: string;
  /** The option's entry in the dnsmasq man page (a text-fragment link, see option-docs-man-link.ts). */
  readonly manUrl: string;
}

const TABLES: readonly OptionDocTable[] = [
  CACHE_OPTION_DOCS,
  FORWARDING_OPTION_DOCS,
  FILTERING_OPTION_DOCS,
  DAEMON_OPTION_DOCS,
  OTHER_DNS_OPTION_DOCS,
  DHCP_TFTP_OPTION_DOCS,
];

function buildDocs(): ReadonlyMap<string, OptionDoc> {
  const docs = new Map<string, OptionDoc>();
  for (const table of TABLES) {
    for (const [long, text] of Object.entries(table)) {
      docs.set(long, { ...text, manUrl: manPageUrl(long) });
    }
  }
  return docs;
}

/** Every documented option by long name (without dashes), in no particular order. */
export const OPTION_DOCS: ReadonlyMap<string, OptionDoc> = buildDocs();

/**
 * The documentation of a long option, given as `no-negcache` or `--no-negcache`. A name dnsmasq 2.90 does not have
 * gets a summary saying so and a link to the top of the man page (`OPTION_DOCS.has` tells the two apart).
 */
export function optionDoc(long: string): OptionDoc {
  const name = long.replace(/^--?/, '');
  return OPTION_DOCS.get(name) ?? { summary: `dnsmasq 2.90 has no option --${name}.`, manUrl: DNSMASQ_MAN_PAGE_URL };
}
