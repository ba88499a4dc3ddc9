import { MarkupKind, type Hover } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { describeOptionValue, describeServerValue } from '@kube-dns-tools/core/dnsmasq';
import type { ManifestView } from './manifest-view.js';
import { optionAt } from './manifest-view.js';
import { docFor } from './option-doc-text.js';

/** What the value of a --server-family option does, or why dnsmasq refuses it: core's words, shown on hover. */
export const serverValueText = describeServerValue;

export function hoverAt(document: TextDocument, view: ManifestView | undefined, offset: number): Hover | null {
  if (!view) return null;
  const hit = optionAt(view, offset);
  if (!hit) return null;
  const { option } = hit;
  const spec = option.spec;
  const doc = docFor(spec.long);
  const lines: string[] = [];
  const names = spec.short ? `\`--${spec.long}\` (\`-${spec.short}\`)` : `\`--${spec.long}\``;
  lines.push(`**${names}**${spec.metavar ? ` \`${spec.metavar}\`` : ''}`, '', doc.summary);
  const route = option.value !== undefined ? serverValueText(spec.long, option.value) : undefined;
  const meaning = route ?? describeOptionValue(spec.long, option.value);
  if (meaning) lines.push('', `**Here:** ${meaning}`);
  if (doc.details) lines.push('', doc.details);
  lines.push('', `[dnsmasq manual: --${spec.long}](${doc.manUrl})`);
  const range = hit.onValue && option.valueRange ? option.valueRange : option.nameRange;
  return {
    contents: { kind: MarkupKind.Markdown, value: lines.join('\n') },
    range: { start: document.positionAt(view.base + range.start), end: document.positionAt(view.base + range.end) },
  };
}
