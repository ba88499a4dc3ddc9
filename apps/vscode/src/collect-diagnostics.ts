import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { DIAGNOSTIC_SOURCE, SERVER_INFO_REQUEST, SETTINGS_SECTION, type ServerInfo } from '@kube-dns-tools/language-server/protocol';

/**
 * Gathers what a bug report needs (versions, settings, server state, recent errors, our diagnostics of open
 * documents) into a new Markdown document, and returns its text.
 */
export async function collectDiagnostics(
  context: vscode.ExtensionContext,
  client: LanguageClient | undefined,
  log: vscode.LogOutputChannel,
): Promise<string> {
  let server: ServerInfo | string;
  try {
    server = client ? await client.sendRequest<ServerInfo>(SERVER_INFO_REQUEST) : 'not running';
  } catch (error) {
    server = `no answer: ${error instanceof Error ? error.message : String(error)}`;
  }
  const ours = vscode.languages
    .getDiagnostics()
    .map(([uri, diagnostics]) => ({
      uri: uri.toString(),
      diagnostics: diagnostics
        .filter((d) => d.source === DIAGNOSTIC_SOURCE)
        .map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${typeof d.code === 'object' ? d.code.value : d.code} ${d.message.split('\n')[0]}`),
    }))
    .filter((entry) => entry.diagnostics.length > 0);
  const extension = context.extension.packageJSON as { name: string; version: string };
  const text = [
    '# kube-dns Tools diagnostics',
    '',
    `- extension: ${extension.name} ${extension.version}`,
    `- VS Code: ${vscode.version} (${vscode.env.appHost}, ${vscode.env.uiKind === vscode.UIKind.Web ? 'web' : 'desktop'})`,
    `- language server: ${typeof server === 'string' ? server : `${server.name} ${server.version} on node ${server.node}, pid ${server.pid}, ${server.lints} lints`}`,
    `- client state: ${client ? client.state : 'none'}`,
    `- collected: ${new Date().toISOString()}`,
    '',
    '## Settings',
    '```json',
    JSON.stringify(vscode.workspace.getConfiguration(SETTINGS_SECTION), null, 2),
    '```',
    '',
    '## Language server',
    '```json',
    JSON.stringify(server, null, 2),
    '```',
    '',
    '## Diagnostics from kube-dns-tools',
    ...(ours.length ? ours.flatMap((entry) => [`### ${entry.uri}`, ...entry.diagnostics.map((line) => `- ${line}`)]) : ['(none)']),
    '',
  ].join('\n');
  log.info('collected diagnostics');
  const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: text });
  await vscode.window.showTextDocument(document, { preview: false });
  return text;
}
