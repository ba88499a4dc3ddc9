import { CompletionItemKind, MarkupKind, type CompletionItem, type Hover, type Position } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { corefileAt, docMarkdown, optionDoc, type OptionDoc, PLUGIN_DOCS, pluginDoc, type PluginDoc } from '@kube-dns-tools/core/corefile';
import { findCorefiles, mayHoldCorefile } from '@kube-dns-tools/core/manifest';
import { lintedFilePath } from './file-path.js';

/*
 * Hover and completion inside Corefiles (standalone, or the `Corefile` key of a ConfigMap). Both return
 * undefined outside a Corefile, so the dnsmasq providers answer there.
 */

/** `corefile` documents are read as a standalone Corefile whatever their URI, as the lint reads them. */
function corefilesOf(document: TextDocument, filePath: string | undefined) {
  const path = lintedFilePath(filePath, document.languageId);
  const text = document.getText();
  return mayHoldCorefile(text, path) ? findCorefiles(text, path) : [];
}

export function corefileHoverAt(document: TextDocument, filePath: string | undefined, offset: number): Hover | undefined {
  const place = corefileAt(corefilesOf(document, filePath), offset);
  if (!place || place.kind === 'block') return undefined;
  const markdown =
    place.kind === 'plugin'
      ? docOf(pluginDoc(place.directive.name.value))
      : docOf(optionDoc(place.plugin.name.value, place.option.name.value), place.plugin.name.value);
  if (!markdown) return undefined;
  return {
    contents: { kind: MarkupKind.Markdown, value: markdown },
    range: { start: document.positionAt(place.token.start), end: document.positionAt(place.token.end) },
  };
}

function docOf(doc: PluginDoc | OptionDoc | undefined, plugin?: string): string | undefined {
  return doc ? docMarkdown(doc, plugin) : undefined;
}

export function corefileCompletionsAt(document: TextDocument, filePath: string | undefined, position: Position): CompletionItem[] | undefined {
  const offset = document.offsetAt(position);
  const place = corefileAt(corefilesOf(document, filePath), offset);
  if (!place) return undefined;
  const text = document.getText();
  const lineStart = document.offsetAt({ line: position.line, character: 0 });
  const typed = /^[ \t]*([\w-]*)$/.exec(text.slice(lineStart, offset));
  if (!typed) return [];
  const replace = { start: document.positionAt(offset - typed[1]!.length), end: position };
  const pluginName = place.kind === 'plugin' ? undefined : place.kind === 'option' ? place.plugin.name.value : place.plugin?.name.value;
  if (pluginName === undefined) {
    return PLUGIN_DOCS.filter((p) => !p.removed).map((p) => ({
      label: p.name,
      kind: CompletionItemKind.Module,
      detail: p.syntax,
      documentation: { kind: MarkupKind.Markdown, value: docMarkdown(p) },
      textEdit: { range: replace, newText: p.name },
    }));
  }
  return (pluginDoc(pluginName)?.options ?? [])
    .filter((x) => !x.removed)
    .map((x) => ({
      label: x.name,
      kind: CompletionItemKind.Property,
      detail: x.syntax + (x.since ? ` (CoreDNS ${x.since}+)` : ''),
      documentation: { kind: MarkupKind.Markdown, value: docMarkdown(x, pluginName) },
      textEdit: { range: replace, newText: x.name },
    }));
}
