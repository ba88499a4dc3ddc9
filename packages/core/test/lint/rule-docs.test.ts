import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RULE_CATALOG } from '../../src/lint/rule-catalog.js';

const DOCS = fileURLToPath(new URL('../../../../docs/rules/', import.meta.url));

describe('docs/rules', () => {
  const readme = readFileSync(`${DOCS}README.md`, 'utf8');

  it('has a page per rule, and no page for a rule that does not exist', () => {
    const pages = readdirSync(DOCS).filter((f) => f.endsWith('.md') && f !== 'README.md').map((f) => f.slice(0, -3));
    expect(pages.sort()).toEqual(RULE_CATALOG.map((r) => r.id).sort());
  });

  it.each(RULE_CATALOG.map((r) => [r.id, r.defaultSeverity]))('%s: page and README say default %s', (id, severity) => {
    expect(existsSync(`${DOCS}${id}.md`)).toBe(true);
    const page = readFileSync(`${DOCS}${id}.md`, 'utf8');
    expect(page.startsWith(`# ${id}\n`)).toBe(true);
    expect(page).toContain(`Default severity: **${severity}**`);
    expect(readme).toContain(`| [${id}](${id}.md) | ${severity} |`);
  });
});
