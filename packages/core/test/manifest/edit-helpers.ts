import { parseAllDocuments } from 'yaml';
import { expect } from 'vitest';
import type { TextEdit } from '../../src/lint/finding.js';
import type { DnsmasqInvocation } from '../../src/manifest/model.js';
import { readManifest } from '../../src/manifest/read-manifest.js';

export function applyEdit(text: string, edit: TextEdit): string {
  return text.slice(0, edit.start) + edit.newText + text.slice(edit.end);
}

/** The one dnsmasq invocation of a manifest text. */
export function onlyInvocation(text: string, filePath?: string): DnsmasqInvocation {
  const model = readManifest(text, filePath === undefined ? {} : { filePath });
  expect(model.invocations).toHaveLength(1);
  return model.invocations[0]!;
}

export function words(text: string, filePath?: string): string[] {
  return onlyInvocation(text, filePath).args.map((a) => a.text);
}

/** The edited text still parses as YAML without errors (templates aside). */
export function expectCleanYaml(text: string): void {
  const errors = parseAllDocuments(text).flatMap((d) => (Array.isArray(d) ? [] : d.errors));
  expect(errors.map((e) => e.message)).toEqual([]);
}

export const crlf = (text: string): string => text.replace(/\n/g, '\r\n');
