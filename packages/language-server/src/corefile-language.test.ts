import { TextDocument } from 'vscode-languageserver-textdocument';
import { describe, expect, it } from 'vitest';
import { corefileCompletionsAt, corefileHoverAt } from './corefile-language.js';

const configMap = 'kind: ConfigMap\ndata:\n  Corefile: |\n    .:53 {\n        cache 30 {\n            serve_stale\n            \n        }\n        pro\n    }\n';
const doc = (text: string, languageId = 'yaml') => TextDocument.create('file:///x/coredns.yaml', languageId, 1, text);

describe('Corefile hover and completion', () => {
  it('hovers a plugin and an option with their versions', () => {
    const d = doc(configMap);
    const cache = corefileHoverAt(d, '/x/coredns.yaml', configMap.indexOf('cache') + 2)!;
    expect((cache.contents as { value: string }).value).toMatch(/denial\) up to 1800 s/);
    expect(cache.range!.start).toEqual({ line: 4, character: 8 });
    const stale = corefileHoverAt(d, '/x/coredns.yaml', configMap.indexOf('serve_stale') + 1)!;
    expect((stale.contents as { value: string }).value).toMatch(/since CoreDNS 1\.6\.6/);
    expect(corefileHoverAt(d, '/x/coredns.yaml', configMap.indexOf('kind'))).toBeUndefined();
  });

  it('completes options inside a plugin block and plugins in a server block', () => {
    const d = doc(configMap);
    const inCache = corefileCompletionsAt(d, '/x/coredns.yaml', { line: 6, character: 12 })!;
    expect(inCache.map((i) => i.label)).toContain('servfail');
    expect(inCache.map((i) => i.label)).not.toContain('forward');
    const plugins = corefileCompletionsAt(d, '/x/coredns.yaml', { line: 8, character: 11 })!;
    expect(plugins.map((i) => i.label)).toContain('prometheus');
    expect(plugins.map((i) => i.label)).not.toContain('proxy');
    expect(plugins[0]!.textEdit).toMatchObject({ range: { start: { line: 8, character: 8 }, end: { line: 8, character: 11 } } });
    expect(corefileCompletionsAt(d, '/x/coredns.yaml', { line: 0, character: 2 })).toBeUndefined();
  });

  it('reads untitled corefile documents as Corefiles', () => {
    const d = TextDocument.create('untitled:1', 'corefile', 1, '.:53 {\n    forward . 8.8.8.8\n}\n');
    expect(corefileHoverAt(d, undefined, d.getText().indexOf('forward') + 1)).toBeDefined();
  });
});
