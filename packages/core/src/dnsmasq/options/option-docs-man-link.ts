/**
 * Links into the dnsmasq man page as published at thekelleys.org.uk.
 *
 * That HTML page is produced by man2html: its only anchors are per section (`#lbAB`, `#lbAC`, ..., and `#index`),
 * there is none per option. So each option links to the page with a text fragment (`#:~:text=...`), which
 * Chromium-based browsers and Safari follow to the first occurrence of the text; other browsers open the page top.
 *
 * The text searched for is `--name`, except where an earlier paragraph of the page mentions the option before its
 * own entry: then it is the start of the entry's heading (`-S, --local, --server`, `--pxe-prompt=`). Those were found
 * by rendering Debian's dnsmasq 2.90 man page (dnsmasq-base 2.90-4~deb12u2, /usr/share/man/man8/dnsmasq.8.gz) to text
 * and checking, for every option of the table, that the first match falls inside the option's own entry heading.
 * Three entries (`--bind-dynamic`, `--script-arp`, `--script-on-renewal`) have a heading that is only the option,
 * mentioned earlier on the page, so their link lands on that first mention. `--dhcp-lease` and `--domain-suffix`
 * have no entry (undocumented spellings of `--dhcp-leasefile` and `--domain`) and link to those.
 */
export const DNSMASQ_MAN_PAGE_URL = 'https://thekelleys.org.uk/dnsmasq/docs/dnsmasq-man.html';

const HEADING_TEXT: Readonly<Record<string, string>> = {
  'mx-target': '-t, --mx-target',
  'dhcp-lease': '--dhcp-leasefile',
  'dhcp-host': '-G, --dhcp-host',
  'dhcp-boot': '-M, --dhcp-boot',
  'domain': '-s, --domain',
  'domain-suffix': '-s, --domain',
  'listen-address': '-a, --listen-address',
  'pid-file': '-x, --pid-file',
  'server': '-S, --local, --server',
  'local': '-S, --local',
  'except-interface': '-I, --except-interface',
  'bind-interfaces': '-z, --bind-interfaces',
  'dhcp-vendorclass': '-U, --dhcp-vendorclass',
  'dhcp-ignore': '-J, --dhcp-ignore',
  'dhcp-script': '-6 --dhcp-script',
  'leasefile-ro': '-9, --leasefile-ro',
  'enable-tftp': '--enable-tftp[',
  'interface-name': '--interface-name=',
  'tftp-port-range': '--tftp-port-range=',
  'pxe-prompt': '--pxe-prompt=',
  'pxe-service': '--pxe-service=',
  'dhcp-proxy': '--dhcp-proxy[',
  'add-subnet': '--add-subnet[',
  'connmark-allowlist': '--connmark-allowlist=',
  'trust-anchor': '--trust-anchor=',
  'dynamic-host': '--dynamic-host=',
};

/** The text a browser should look for on the man page to reach the entry of `--long`. */
export function manPageSearchText(long: string): string {
  return HEADING_TEXT[long] ?? `--${long}`;
}

/** The man-page URL for an option, with a text fragment pointing at its entry. */
export function manPageUrl(long: string): string {
  return `${DNSMASQ_MAN_PAGE_URL}#:~:text=${encodeTextDirective(manPageSearchText(long))}`;
}

/** Text-directive syntax gives `-`, `,` and `&` a meaning, so they are percent-encoded along with the usual set. */
function encodeTextDirective(text: string): string {
  return encodeURIComponent(text).replace(/-/g, '%2D');
}
