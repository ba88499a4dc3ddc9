/** Our own words about one dnsmasq option (never text from the man page). */
export interface OptionDocText {
  /** One line, at most 120 characters. */
  readonly summary: string;
  /** Markdown, a few sentences: effect on a kube-dns pod's queries, default, value grammar and limits. */
  readonly details?: string;
}

export type OptionDocTable = Readonly<Record<string, OptionDocText>>;
