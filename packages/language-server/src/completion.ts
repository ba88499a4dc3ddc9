import {
  CompletionItemKind,
  InsertTextFormat,
  MarkupKind,
  type CompletionItem,
  type Position,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { OPTION_TABLE } from '@kube-dns-tools/core/dnsmasq';
import type { OptionSpec } from '@kube-dns-tools/core/dnsmasq';
import type { ManifestView } from './manifest-view.js';
import { docMarkdown } from './option-doc-text.js';
import { suppressionRuleBeingTyped } from '@kube-dns-tools/core/lint';
import type { RuleDescription } from './protocol.js';

export type RuleInfo = Readonly<RuleDescription>;

const ARG_ITEM = /(?:^\s*-\s+|[[,]\s*)["']?(-{0,2}[A-Za-z0-9-]*)$/;

function escapeSnippet(text: string): string {
  return text.replace(/[\\$}]/g, (c) => `\\${c}`);
}

function optionItem(spec: OptionSpec, replace: { start: Position; end: Position }, snippets: boolean): CompletionItem {
  const name = `--${spec.long}`;
  // Options that take a value (getopt's optional ones too: dnsmasq wants `--cache-size=N`) get `=` and a placeholder.
  const takesValue = spec.arg === 'required' || (spec.arg === 'optional' && spec.metavar !== undefined);
  let newText = name;
  if (takesValue) newText = snippets ? `${name}=\${1:${escapeSnippet(spec.metavar ?? 'value')}}` : `${name}=`;
  const short = spec.short ? ` (-${spec.short})` : '';
  return {
    label: name,
    kind: spec.arg === 'none' ? CompletionItemKind.Keyword : CompletionItemKind.Property,
    detail: `${spec.arg === 'none' ? 'flag' : spec.arg === 'required' ? `=${spec.metavar ?? 'value'}` : `[=${spec.metavar ?? 'value'}]`}${short}`,
    documentation: { kind: MarkupKind.Markdown, value: docMarkdown(spec.long) },
    filterText: name,
    textEdit: { range: replace, newText },
    insertTextFormat: snippets && takesValue ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
  };
}

/** True when `offset` sits among the args of a dnsmasq invocation (its lines, or the line after the last one). */
function inArgsList(document: TextDocument, view: ManifestView | undefined, offset: number): boolean {
  if (!view) return false;
  const line = document.positionAt(offset).line;
  return view.invocations.some(({ invocation }) => {
    const args = invocation.args;
    if (args.length === 0) return false;
    const first = document.positionAt(view.base + args[0]!.start).line;
    const last = document.positionAt(view.base + args[args.length - 1]!.end).line;
    return first <= line && line <= last + 1;
  });
}

export interface CompletionInput {
  document: TextDocument;
  position: Position;
  view: () => ManifestView | undefined;
  rules: readonly RuleInfo[];
  snippets: boolean;
}

export function completionsAt(input: CompletionInput): CompletionItem[] {
  const { document, position } = input;
  const lineStart = document.offsetAt({ line: position.line, character: 0 });
  const offset = document.offsetAt(position);
  const prefix = document.getText().slice(lineStart, offset);

  const ruleTyped = suppressionRuleBeingTyped(prefix);
  if (ruleTyped !== undefined) {
    const range = { start: { line: position.line, character: position.character - ruleTyped.length }, end: position };
    return input.rules.map((rule) => ({
      label: rule.id,
      kind: CompletionItemKind.EnumMember,
      detail: rule.summary,
      documentation: { kind: MarkupKind.Markdown, value: `${rule.summary}\n\n[${rule.id}](${rule.docsUrl})` },
      textEdit: { range, newText: rule.id },
    }));
  }

  const arg = ARG_ITEM.exec(prefix);
  if (!arg || !inArgsList(document, input.view(), offset)) return [];
  const typed = arg[1] ?? '';
  const range = { start: { line: position.line, character: position.character - typed.length }, end: position };
  return OPTION_TABLE.map((spec) => optionItem(spec, range, input.snippets));
}
