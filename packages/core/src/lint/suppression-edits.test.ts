import { describe, expect, it } from 'vitest';
import { acceptsComments, disableFileEdit, disableLineEdit } from './suppression-edits.js';

const apply = (text: string, e: { start: number; end: number; newText: string }) => text.slice(0, e.start) + e.newText + text.slice(e.end);

describe('suppression edits', () => {
  const yaml = 'spec:\n  containers:\n  - name: dnsmasq\n    args:\n    - --cache-size=1000\n';

  it('puts the next-line comment above the finding, in its indentation', () => {
    const edit = disableLineEdit(yaml, yaml.indexOf('dnsmasq'), 'no-negcache')!;
    expect(apply(yaml, edit)).toBe(
      'spec:\n  containers:\n  # kube-dns-tools-disable-next-line no-negcache -- <reason>\n  - name: dnsmasq\n    args:\n    - --cache-size=1000\n',
    );
  });

  it('keeps CRLF and offers no line comment inside a block scalar, where it would become text', () => {
    const crlf = yaml.replace(/\n/g, '\r\n');
    expect(disableLineEdit(crlf, crlf.indexOf('--cache'), 'cache-size')!.newText).toMatch(/ -- <reason>\r\n$/);
    const shell = 'command:\n- sh\n- -c\n- |\n  exec dnsmasq -k \\\n    --cache-size=1000\n';
    expect(disableLineEdit(shell, shell.indexOf('--cache'), 'cache-size')).toBeUndefined();
  });

  it('puts the file comment first (after a BOM), and never in JSON', () => {
    expect(apply('\uFEFFkind: Pod\n', disableFileEdit('\uFEFFkind: Pod\n', 'log-queries'))).toBe(
      '\uFEFF# kube-dns-tools-disable log-queries -- <reason>\nkind: Pod\n',
    );
    expect(acceptsComments('{"kind": "Pod"}', 'yaml')).toBe(false);
    expect(acceptsComments('kind: Pod', 'json')).toBe(false);
    expect(acceptsComments('kind: Pod', 'yaml')).toBe(true);
  });
});
