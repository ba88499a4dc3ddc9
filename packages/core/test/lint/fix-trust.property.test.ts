import fc from 'fast-check';
import { manifest, shapeArb, type Shape } from './fix-trust-shapes.js';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { automaticFix } from '../../src/lint/automatic-fixes.js';
import { fixUntilStable } from '../../src/lint/apply-fixes.js';
import { lintText } from '../../src/lint/lint-text.js';
import { readManifest } from '../../src/manifest/read-manifest.js';

/*
 * `--fix` on manifests written in every style the reader supports. After fixing: the text still parses, every
 * original character is still there in order (fixes here only add words), nothing fixed is still fixable, a second
 * --fix changes nothing, and the argv read back is the old argv plus exactly the flags the applied fixes named.
 */

/** Parses as the YAML (or JSON) it was; templates are checked with their tag lines removed, as both renderings are. */
function expectParses(text: string, s: Shape): void {
  if (s.json) {
    expect(() => JSON.parse(text)).not.toThrow();
    return;
  }
  for (const keep of [true, false]) {
    const rendered = s.template ? renderTemplate(text, keep) : text;
    const errors = parseAllDocuments(rendered).flatMap((d) => (Array.isArray(d) ? [] : d.errors));
    expect(errors.map((e) => e.message)).toEqual([]);
  }
}

function renderTemplate(text: string, keep: boolean): string {
  return text.replace(/\{\{- if [^}]*\}\}\r?\n([\s\S]*?)\{\{- end \}\}\r?\n?/g, (_m, body: string) => (keep ? body : ''));
}

/** Every character of `before`, in order, in `after`: fixes that only add words delete or change nothing. */
function isSubsequence(before: string, after: string): boolean {
  let j = 0;
  for (let i = 0; i < after.length && j < before.length; i++) if (after[i] === before[j]) j++;
  return j === before.length;
}

function argvOf(text: string): string[] {
  return (readManifest(text).invocations[0]?.args ?? []).map((a) => a.text);
}

/** The flags the applied fixes' titles name (`Add --log-queries --log-facility=-`). */
function namedFlags(titles: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const t of titles) for (const w of t.split(/\s+/)) if (w.startsWith('-')) out.add(w);
  return out;
}

describe('--fix on manifests in every style the reader supports', () => {
  it('keeps the file parsing and its bytes, converges, and adds exactly the flags it names', () => {
    let changed = 0;
    fc.assert(
      fc.property(shapeArb, (s) => {
        // As the CLI does, a BOM is taken off before linting and put back when writing.
        const text = manifest(s);
        const lint = (t: string) => lintText(t, { filePath: s.json ? 'dns.json' : 'dns.yaml' }).findings;
        const before = argvOf(text);
        expect(before.length).toBeGreaterThan(0);
        const fixed = fixUntilStable(text, lint);
        if (fixed.text !== text) changed++;
        const out = (s.bom ? '\ufeff' : '') + fixed.text;
        expect(fixed.nonConverging).toEqual([]);
        expectParses(out.replace(/^\ufeff/, ''), s);
        expect(isSubsequence(text, fixed.text)).toBe(true);
        expect(fixed.findings.filter((f) => automaticFix(f)).map((f) => f.ruleId)).toEqual([]);
        expect(fixUntilStable(fixed.text, lint).text).toBe(fixed.text);
        const after = argvOf(fixed.text);
        expect(isSubsequence(before.join('\u0000'), after.join('\u0000'))).toBe(true);
        const added = [...after];
        for (const w of before) added.splice(added.indexOf(w), 1);
        const named = namedFlags(fixed.applied.map((a) => a.title));
        for (const w of added) expect(named.has(w), `added ${w} named by ${[...named].join(' ')}`).toBe(true);
        expect(added.length).toBe(new Set(added).size);
        if (s.template) {
          // Every rendering holds the same dnsmasq flags the fixes added: none went into the conditional.
          for (const keep of [true, false]) {
            const rendered = argvOf(renderTemplate(fixed.text, keep));
            for (const w of added) expect(rendered).toContain(w);
          }
        }
      }),
      { numRuns: 400 },
    );
    // Most generated manifests lack -N or -q: the property is about files --fix really changes.
    expect(changed).toBeGreaterThan(200);
  });
});
