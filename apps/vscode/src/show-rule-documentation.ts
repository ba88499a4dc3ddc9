import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { DIAGNOSTIC_SOURCE, RULES_REQUEST, type RuleDescription } from '@kube-dns-tools/language-server/protocol';

/** The kube-dns-tools rule at the cursor, if a diagnostic of ours covers it. */
function ruleAtCursor(): string | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return undefined;
  const here = vscode.languages
    .getDiagnostics(editor.document.uri)
    .find((d) => d.source === DIAGNOSTIC_SOURCE && d.range.contains(editor.selection.active));
  const code = here?.code;
  if (typeof code === 'object') return String(code.value);
  return code === undefined ? undefined : String(code);
}

/** Opens a rule's documentation: the rule given, else the one at the cursor, else one picked from the list. */
export async function showRuleDocumentation(client: LanguageClient | undefined, given?: unknown): Promise<string | undefined> {
  if (!client) {
    void vscode.window.showWarningMessage('kube-dns Tools: the language server is not running.');
    return undefined;
  }
  const rules = await client.sendRequest<RuleDescription[]>(RULES_REQUEST);
  let ruleId = typeof given === 'string' ? given : ruleAtCursor();
  if (!ruleId || !rules.some((rule) => rule.id === ruleId)) {
    const picked = await vscode.window.showQuickPick(
      rules.map((rule) => ({ label: rule.id, detail: rule.summary })),
      { title: 'kube-dns Tools: Show Rule Documentation', matchOnDetail: true },
    );
    ruleId = picked?.label;
  }
  const rule = rules.find((candidate) => candidate.id === ruleId);
  if (!rule) return undefined;
  await vscode.env.openExternal(vscode.Uri.parse(rule.docsUrl));
  return rule.docsUrl;
}
