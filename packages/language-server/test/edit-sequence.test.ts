import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lintText } from '@kube-dns-tools/core/lint';
import { toDiagnostics } from '../src/diagnostics.js';
import { bigManifest } from './big-manifest.js';
import { LspTestClient } from './lsp-test-client.js';

/**
 * Per edit the worker sends the main thread only the findings that changed, and the --stdio writer re-encodes only
 * new diagnostics: after every edit of a sequence, what the client receives must still be lintText's, whole.
 */
describe('after each edit of a multi-document manifest, the published diagnostics are lintText on the new text', () => {
  let client: LspTestClient;
  const uri = 'untitled:edit-sequence.yaml';
  let text = bigManifest(300);

  beforeAll(async () => {
    client = await LspTestClient.start({ initializationOptions: { settings: { lintDelayMs: 0 } } });
    await client.open(uri, text);
    await client.diagnosticsFor(uri, 1);
  });
  afterAll(async () => {
    await client.stop();
  });

  const replaceOnce = (from: string, to: string, after = 0) => (current: string) => {
    const at = current.indexOf(from, after);
    return `${current.slice(0, at)}${to}${current.slice(at + from.length)}`;
  };
  const edits: [string, (current: string) => string][] = [
    ['a value in the middle, same length', (t) => replaceOnce('--cache-size=1000', '--cache-size=2000', t.length / 2)(t)],
    ['a value in the middle, longer: later documents move', (t) => replaceOnce('--cache-size=1000', '--cache-size=150000', t.length / 2)(t)],
    ['a line inserted at the top: every document moves a line', (t) => `# edited\n${t}`],
    ['-N added to the first document: its findings change', replaceOnce('- -k\n', '- -k\n        - --no-negcache\n')],
    ['a document removed', (t) => replaceOnce(t.slice(t.indexOf('---', 10), t.indexOf('---', t.indexOf('---', 10) + 3)), '')(t)],
    ['a suppression comment: the whole text is linted', replaceOnce('- -k\n', '- -k # kube-dns-tools-disable-line no-negcache\n')],
    ['the suppression removed again', replaceOnce(' # kube-dns-tools-disable-line no-negcache', '')],
    ['a YAML error in the last document', (t) => `${t}  bad: [\n`],
    ['the YAML error fixed', (t) => t.slice(0, t.length - '  bad: [\n'.length)],
  ];

  it.each(edits)('%s', async (_name, change) => {
    text = change(text);
    const version = await client.replace(uri, text);
    const diagnostics = await client.diagnosticsFor(uri, version);
    expect(diagnostics).toEqual(JSON.parse(JSON.stringify(toDiagnostics(lintText(text).findings))));
  });
});
