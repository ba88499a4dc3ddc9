import type { ClientCapabilities } from 'vscode-languageserver/node';
import type { DiagnosticShape } from './diagnostics.js';

/** What the connected client can do, read once from `initialize`. */
export interface ClientSupport {
  configuration: boolean;
  didChangeConfigurationDynamic: boolean;
  pullDiagnostics: boolean;
  diagnosticRefresh: boolean;
  documentChanges: boolean;
  snippets: boolean;
  showDocument: boolean;
  /** The client fills in a code action's `edit` with `codeAction/resolve`. */
  codeActionResolve: boolean;
  /** The optional diagnostic properties the client supports. */
  diagnosticShape: DiagnosticShape;
}

/** `initializationOptions.diagnosticMode` lets a client that can pull ask for pushed diagnostics instead. */
export function readClientSupport(capabilities: ClientCapabilities, initializationOptions: unknown): ClientSupport {
  const mode = (initializationOptions as { diagnosticMode?: unknown } | null | undefined)?.diagnosticMode;
  return {
    configuration: capabilities.workspace?.configuration === true,
    didChangeConfigurationDynamic: capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true,
    pullDiagnostics: capabilities.textDocument?.diagnostic !== undefined && mode !== 'push',
    diagnosticRefresh: capabilities.workspace?.diagnostics?.refreshSupport === true,
    documentChanges: capabilities.workspace?.workspaceEdit?.documentChanges === true,
    snippets: capabilities.textDocument?.completion?.completionItem?.snippetSupport === true,
    showDocument: capabilities.window?.showDocument?.support === true,
    codeActionResolve: capabilities.textDocument?.codeAction?.resolveSupport?.properties.includes('edit') === true,
    diagnosticShape: {
      codeDescription: capabilities.textDocument?.publishDiagnostics?.codeDescriptionSupport === true,
      data: capabilities.textDocument?.publishDiagnostics?.dataSupport === true,
    },
  };
}
