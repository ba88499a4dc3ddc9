import * as vscode from 'vscode';
import { SETTINGS_SECTION } from '@kube-dns-tools/language-server/protocol';
import type { ConsentHost } from './consent-store.js';

const SETTING = 'approvedServers';

/** Approvals in the workspace's settings (user settings when no folder is open); questions as modal dialogs. */
export const vscodeConsentHost: ConsentHost = {
  approved() {
    const value = vscode.workspace.getConfiguration(SETTINGS_SECTION).get<unknown>(SETTING);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  },
  async store(servers) {
    const target = vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
    await vscode.workspace.getConfiguration(SETTINGS_SECTION).update(SETTING, [...servers], target);
  },
  async ask(question, detail, action) {
    return (await vscode.window.showWarningMessage(question, { modal: true, detail }, action)) === action;
  },
};
