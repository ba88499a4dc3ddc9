import { isAbsolute, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Finding, Severity } from '@kube-dns-tools/core/lint';
import { RULE_CATALOG } from '@kube-dns-tools/core/lint';
import { oneBasedRange, type FileReport } from './lint-report.js';
import { FINGERPRINT_KEY, lineFingerprints } from './lint-sarif-fingerprint.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

/** SARIF 2.1.0: one run, every rule's metadata with its help URI, results with UTF-16 regions and fixes. */
export function formatSarif(reports: readonly FileReport[], version: string, cwd = process.cwd()): string {
  const ruleIndex = new Map(RULE_CATALOG.map((r, i) => [r.id, i]));
  const results = reports.flatMap((r) => {
    const fingerprints = lineFingerprints(r.findings, r.text);
    return r.findings.map((f, i) => result(f, artifactUri(r.filePath, cwd), ruleIndex.get(f.ruleId), fingerprints[i]));
  });
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'kube-dns-tools',
            version,
            informationUri: 'https://github.com/kube-dns-tools/kube-dns-tools',
            rules: RULE_CATALOG.map((r) => ({
              id: r.id,
              name: r.id,
              shortDescription: { text: r.summary },
              helpUri: r.docsUrl,
              help: { text: `${r.summary} See ${r.docsUrl}` },
              defaultConfiguration: { level: LEVEL[r.defaultSeverity] },
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(cwd.endsWith(sep) ? cwd : cwd + sep).href } },
        artifacts: reports.map((r) => ({ location: artifactLocation(artifactUri(r.filePath, cwd)) })),
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function result(f: Finding, uri: string, index: number | undefined, fingerprint: string | undefined): object {
  const { line, column, endLine, endColumn } = oneBasedRange(f);
  const region = {
    startLine: line,
    startColumn: column,
    endLine,
    endColumn,
    charOffset: f.span.start,
    charLength: f.span.end - f.span.start,
  };
  const location = { artifactLocation: artifactLocation(uri), region };
  return {
    ruleId: f.ruleId,
    ...(index === undefined ? {} : { ruleIndex: index }),
    level: LEVEL[f.severity],
    message: { text: f.message },
    locations: [{ physicalLocation: location }],
    ...(fingerprint === undefined ? {} : { partialFingerprints: { [FINGERPRINT_KEY]: fingerprint } }),
    ...(f.fixes.length
      ? {
          fixes: f.fixes.map((fix) => ({
            description: { text: fix.title },
            artifactChanges: [
              {
                artifactLocation: artifactLocation(uri),
                replacements: fix.edits.map((e) => ({
                  deletedRegion: { charOffset: e.start, charLength: e.end - e.start },
                  insertedContent: { text: e.newText },
                })),
              },
            ],
          })),
        }
      : {}),
  };
}

/** A relative URI for files under the working directory, a file: URL otherwise. */
function artifactUri(filePath: string, cwd: string): string {
  const rel = isAbsolute(filePath) ? relative(cwd, filePath) : filePath;
  if (rel.startsWith('..') || isAbsolute(rel)) return pathToFileURL(filePath).href;
  return rel.split(sep).map(encodeURIComponent).join('/');
}

function artifactLocation(uri: string): { uri: string; uriBaseId?: string } {
  return uri.startsWith('file:') ? { uri } : { uri, uriBaseId: '%SRCROOT%' };
}
