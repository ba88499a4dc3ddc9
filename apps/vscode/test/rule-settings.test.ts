import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULE_CATALOG } from '@kube-dns-tools/core/lint';
import { syncedProperties } from '../scripts/sync-rule-settings.mjs';

const manifest = JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')) as {
  contributes: { configuration: { properties: Record<string, unknown> } };
};
const properties = manifest.contributes.configuration.properties;

describe('the rule settings of package.json', () => {
  it('match the lint engine rule catalog (else run `npm run sync-rule-settings -w kube-dns-tools`)', () => {
    expect(syncedProperties(properties, RULE_CATALOG)).toEqual(properties);
    expect(Object.keys(properties).filter((key) => key.startsWith('kubeDnsTools.rules.'))).toHaveLength(RULE_CATALOG.length - 1);
  });

  it('the sync script adds a new rule, drops a removed one and keeps the other settings', () => {
    const next = syncedProperties({ 'kubeDnsTools.enable': { type: 'boolean' }, 'kubeDnsTools.rules.gone': {} }, [
      { id: 'fresh-rule', docsUrl: 'https://example.invalid/fresh-rule' },
      { id: 'internal-error', docsUrl: 'https://example.invalid/internal-error' },
    ]);
    expect(Object.keys(next)).toEqual(['kubeDnsTools.enable', 'kubeDnsTools.rules.fresh-rule']);
    expect(next['kubeDnsTools.rules.fresh-rule']).toMatchObject({ default: 'default', enum: ['default', 'off', 'error', 'warning', 'info', 'hint'] });
  });
});
