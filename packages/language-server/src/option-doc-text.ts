import { manPageUrl, optionDoc, type OptionDoc } from '@kube-dns-tools/core/dnsmasq';

/** The option's documentation; an option the docs do not know still gets its man page link. */
export function docFor(long: string): OptionDoc {
  return optionDoc(long) ?? { summary: `dnsmasq option --${long}.`, manUrl: manPageUrl(long) };
}

/** Summary, details and the man page link as one markdown block. */
export function docMarkdown(long: string): string {
  const doc = docFor(long);
  return `${doc.summary}${doc.details ? `\n\n${doc.details}` : ''}\n\n[dnsmasq manual: --${long}](${doc.manUrl})`;
}
