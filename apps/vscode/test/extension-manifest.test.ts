import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULE_CATALOG } from '@kube-dns-tools/core/lint';
import { CLIENT_COMMANDS, RULE_SETTINGS, SETTINGS_SECTION } from '@kube-dns-tools/language-server/protocol';

interface Manifest {
  engines: { vscode: string };
  activationEvents: string[];
  icon: string;
  categories: string[];
  contributes: {
    commands: { command: string; title: string }[];
    configuration: { properties: Record<string, { enum?: string[]; description?: string; markdownDescription?: string }> };
  };
}

const manifest = JSON.parse(readFileSync(join(__dirname, '../package.json'), 'utf8')) as Manifest;
const properties = manifest.contributes.configuration.properties;

describe('extension manifest', () => {
  it('has a setting for every rule the engine reports, and none for rules it does not know', () => {
    const ruleSettings = Object.keys(properties)
      .filter((key) => key.startsWith(`${SETTINGS_SECTION}.rules.`))
      .map((key) => key.slice(`${SETTINGS_SECTION}.rules.`.length));
    const reportable = RULE_CATALOG.map((rule) => rule.id).filter((id) => id !== 'internal-error');
    expect(ruleSettings.sort()).toEqual(reportable.sort());
    for (const id of ruleSettings) {
      expect(properties[`${SETTINGS_SECTION}.rules.${id}`]!.enum).toEqual(['default', ...RULE_SETTINGS]);
    }
  });

  it('describes every setting', () => {
    for (const [key, property] of Object.entries(properties)) {
      expect(property.description ?? property.markdownDescription, key).toBeTruthy();
    }
  });

  it('contributes every client command the code registers', () => {
    const contributed = manifest.contributes.commands.map((c) => c.command).sort();
    expect(contributed).toEqual(expect.arrayContaining(Object.values(CLIENT_COMMANDS)));
  });

  it('targets a VS Code no newer than code-server 4.139 (1.139), activates on YAML, JSON and Corefiles, is a Linter with an icon', () => {
    const [, major, minor] = /^\^?(\d+)\.(\d+)/.exec(manifest.engines.vscode)!;
    expect(Number(major) * 1000 + Number(minor)).toBeLessThanOrEqual(1139);
    expect(manifest.activationEvents).toEqual(['onLanguage:yaml', 'onLanguage:json', 'onLanguage:corefile']);
    expect(manifest.categories).toContain('Linters');
    expect(readFileSync(join(__dirname, '..', manifest.icon)).subarray(1, 4).toString()).toBe('PNG');
  });
});
