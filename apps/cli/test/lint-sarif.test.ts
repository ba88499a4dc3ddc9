import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import { lintText, RULE_CATALOG } from '@kube-dns-tools/core/lint';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

// __dirname (not import.meta): this package type-checks as CommonJS.
const REPO = join(__dirname, '../../../');
const SCHEMA = JSON.parse(readFileSync(join(__dirname, 'fixtures/sarif/sarif-2.1.0-rtm.5.json'), 'utf8')) as object;

interface Sarif {
  version: string;
  runs: {
    tool: { driver: { rules: { id: string; helpUri: string }[] } };
    results: {
      ruleId: string;
      ruleIndex: number;
      level: string;
      locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number; charOffset: number; charLength: number } } }[];
      fixes?: unknown[];
    }[];
  }[];
}

describe('kube-dns-tools lint --format sarif', () => {
  const run = runCli(['lint', '--format', 'sarif', 'packages/core/test/fixtures/corpus', 'packages/core/test/lint/fixtures', 'examples'], { cwd: REPO });
  const log = JSON.parse(run.stdout) as Sarif;

  it('is valid against the SARIF 2.1.0 schema', () => {
    // The schema's `language` pattern is not valid under the u flag; ajv's unicodeRegExp: false compiles it as written.
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    const validate = ajv.compile(SCHEMA);
    const ok = validate(log);
    expect(validate.errors ?? [], JSON.stringify(validate.errors?.slice(0, 3))).toEqual([]);
    expect(ok).toBe(true);
    expect(log.version).toBe('2.1.0');
  });

  it('carries every rule with its docs page, and results point at real regions', () => {
    const driverRules = log.runs[0]!.tool.driver.rules;
    expect(driverRules.map((r) => r.id)).toEqual(RULE_CATALOG.map((r) => r.id));
    for (const r of driverRules) expect(r.helpUri).toBe(`https://github.com/kube-dns-tools/kube-dns-tools/blob/main/docs/rules/${r.id}.md`);
    const results = log.runs[0]!.results;
    expect(results.length).toBeGreaterThan(80);
    for (const result of results) {
      expect(driverRules[result.ruleIndex]!.id).toBe(result.ruleId);
      const { artifactLocation, region } = result.locations[0]!.physicalLocation;
      const path = decodeURIComponent(artifactLocation.uri);
      const text = readFileSync(`${REPO}${path}`, 'utf8');
      const finding = lintText(text, { filePath: path }).findings.find((f) => f.span.start === region.charOffset && f.ruleId === result.ruleId);
      expect(finding, `${path} ${result.ruleId}`).toBeDefined();
      expect(region.startLine).toBe(finding!.span.startPosition.line + 1);
      expect(region.startColumn).toBe(finding!.span.startPosition.character + 1);
      expect(region.charLength).toBe(finding!.span.end - finding!.span.start);
    }
    expect(results.some((r) => r.level === 'note')).toBe(true);
    expect(results.some((r) => (r.fixes?.length ?? 0) > 0)).toBe(true);
  });

  it('gives each result a partialFingerprints entry that is unique within its file', () => {
    const results = log.runs[0]!.results as unknown as { partialFingerprints: Record<string, string>; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[];
    const keys = results.map((r) => `${r.locations[0]!.physicalLocation.artifactLocation.uri} ${r.partialFingerprints['kubeDnsToolsLineHash/v1']}`);
    for (const key of keys) expect(key).toMatch(/ [0-9a-f]{32}:\d+$/);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
