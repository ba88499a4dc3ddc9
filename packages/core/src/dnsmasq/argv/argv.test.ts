import { describe, expect, it } from 'vitest';
import { parseArgv } from './argv.js';
import type { ArgToken } from '../../text/source-range.js';

const names = (argv: string[]) => parseArgv(argv).options.map((o) => [o.spec.long, o.value]);
const codes = (argv: string[]) => parseArgv(argv).problems.map((p) => p.code);

describe('parseArgv: getopt_long as dnsmasq 2.90 uses it', () => {
  it('bundles short flags and lets the last letter take the rest or the next word', () => {
    expect(names(['-Nq', '-k'])).toEqual([['no-negcache', undefined], ['log-queries', undefined], ['keep-in-foreground', undefined]]);
    expect(names(['-Nqc', '500'])).toEqual([['no-negcache', undefined], ['log-queries', undefined], ['cache-size', '500']]);
    expect(names(['-qextra'])).toEqual([['log-queries', undefined], ['selfmx', undefined], ['pid-file', 'tra']]);
    expect(names(['-c500'])).toEqual([['cache-size', '500']]);
  });

  it('takes required long values with = or from the next word, even a word that looks like an option', () => {
    expect(names(['--server', '127.0.0.1#10053'])).toEqual([['server', '127.0.0.1#10053']]);
    expect(names(['--server', '--no-negcache'])).toEqual([['server', '--no-negcache']]);
    expect(names(['--port=5399'])).toEqual([['port', '5399']]);
  });

  it('gives optional long values only with =, leaving the next word as junk', () => {
    const parsed = parseArgv(['--log-queries', 'extra']);
    expect(parsed.options.map((o) => o.value)).toEqual([undefined]);
    expect(parsed.problems.map((p) => [p.code, p.message, p.token])).toEqual([['junk', 'junk found in command line', 'extra']]);
    expect(names(['--log-queries=extra'])).toEqual([['log-queries', 'extra']]);
  });

  it('accepts unambiguous prefixes, prefers exact names and refuses ambiguous ones', () => {
    expect(names(['--no-neg', '--log-q'])).toEqual([['no-negcache', undefined], ['log-queries', undefined]]);
    expect(names(['--server=1.2.3.4', '--local=/x/'])).toEqual([['server', '1.2.3.4'], ['local', '/x/']]);
    const ambiguous = parseArgv(['--cache']).problems[0]!;
    expect(ambiguous.code).toBe('ambiguous-option');
    expect(ambiguous.candidates).toEqual(expect.arrayContaining(['cache-size', 'cache-rr']));
    expect(codes(['--dns'])).toEqual(['ambiguous-option']);
  });

  it('treats prefixes of one option spelled two ways as that option (--domain / --domain-suffix)', () => {
    expect(names(['--domain-s=x'])).toEqual([['domain-suffix', 'x']]);
  });

  it('reports dnsmasq messages for unknown options, flags with values and missing values', () => {
    const problems = parseArgv(['--no-such-option', '--no-negcache=yes', '-@', '-j']).problems;
    expect(problems.map((p) => [p.code, p.message])).toEqual([
      ['unknown-option', 'bad command line options: try --help'],
      ['unexpected-argument', 'bad command line options: try --help'],
      ['unknown-option', 'bad command line options: try --help'],
      ['missing-argument', 'bad command line options: try --help'],
    ]);
  });

  it('reports a once-option repeated under any spelling, and lets flags and lists repeat', () => {
    expect(codes(['-c', '100', '--cache-size=200'])).toEqual(['repeated-option']);
    expect(parseArgv(['-c', '100', '--cache-size=200']).problems[0]!.message).toBe('bad command line options: illegal repeated flag');
    expect(codes(['-N', '--no-negcache', '--server=1.1.1.1', '--server=1.0.0.1', '-q', '-q'])).toEqual([]);
  });

  it('ends options at --, calls non-blank leftovers junk and ignores blank ones', () => {
    expect(codes(['--', 'extra'])).toEqual(['junk']);
    expect(codes([' ', ''])).toEqual([]);
    expect(codes(['--', '-N'])).toEqual(['junk']);
    expect(names(['extra', '-N'])).toEqual([['no-negcache', undefined]]);
  });

  it('keeps source ranges of names and values, across words and inside bundles', () => {
    const text = '-Nqc 500 --server=/cluster.local/127.0.0.1#10053';
    const parsed = parseArgv(['-Nqc', '500', '--server=/cluster.local/127.0.0.1#10053']);
    const slice = (r: { start: number; end: number }) => text.slice(r.start, r.end);
    const [n, q, c, server] = parsed.options;
    expect(slice(n!.nameRange)).toBe('-N');
    expect(slice(q!.nameRange)).toBe('q');
    expect(slice(c!.range)).toBe('c 500');
    expect(slice(c!.valueRange!)).toBe('500');
    expect(slice(server!.nameRange)).toBe('--server');
    expect(slice(server!.valueRange!)).toBe('/cluster.local/127.0.0.1#10053');
    expect(server!.mapValue!(15)).toBe(text.indexOf('127.0.0.1'));
  });

  it('maps value offsets through tokens that came from escaped scalars', () => {
    // The YAML "--server=\u0031.2.3.4" decodes to --server=1.2.3.4; index 9 of the word is the 6-char escape.
    const source = '"--server=\\u0031.2.3.4"';
    const token: ArgToken = {
      text: '--server=1.2.3.4',
      start: 1,
      end: source.length - 1,
      map: (i) => (i <= 9 ? 1 + i : 1 + i + 5),
    };
    const option = parseArgv([token]).options[0]!;
    expect(source.slice(option.valueRange!.start, option.valueRange!.end)).toBe('\\u0031.2.3.4');
  });
});
