import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Finding } from '../../src/lint/finding.js';
import { lintText, type LintOptions } from '../../src/lint/lint-text.js';

export function readFixture(name: string): string {
  return readFileSync(fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url)), 'utf8');
}

export interface Linted {
  readonly text: string;
  readonly findings: readonly Finding[];
  /** The characters a finding points at. */
  at(f: Finding): string;
  of(ruleId: string): Finding[];
}

export function lintFixture(name: string, options: Omit<LintOptions, 'filePath'> = {}): Linted {
  const text = readFixture(name);
  const { findings } = lintText(text, { ...options, filePath: name });
  return {
    text,
    findings,
    at: (f) => text.slice(f.span.start, f.span.end),
    of: (ruleId) => findings.filter((f) => f.ruleId === ruleId),
  };
}
