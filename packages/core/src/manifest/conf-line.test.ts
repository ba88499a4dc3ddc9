import { describe, expect, it } from 'vitest';
import { readConfLine } from './conf-line.js';

const read = (line: string) => readConfLine(line, line, 0)?.text;

describe('readConfLine', () => {
  it('reads lines as dnsmasq 2.90 does (each accepted by dnsmasq --test --conf-file)', () => {
    expect(read('server = 1.2.3.4')).toBe('--server=1.2.3.4');
    expect(read('cache-size\t=\t100')).toBe('--cache-size=100');
    expect(read('  log-queries ')).toBe('--log-queries');
    expect(read('server=1.2.3.4#53 #c')).toBe('--server=1.2.3.4#53');
    expect(read('server=1.2.3.4\t#c')).toBe('--server=1.2.3.4');
    expect(read('server="1.2.3.4"')).toBe('--server=1.2.3.4');
    expect(read('txt-record=a.b,"x # y"')).toBe('--txt-record=a.b,x # y');
    expect(read('txt-record=a.b,"say \\"hi\\""')).toBe('--txt-record=a.b,say "hi"');
    expect(read('cache-size=1#0')).toBe('--cache-size=1#0');
    expect(read('# a comment')).toBeUndefined();
    expect(read('   ')).toBeUndefined();
  });

  it('a # inside a template tag is not a comment', () => {
    const line = 'server=/{{ a #b }}/10.0.0.1';
    expect(readConfLine(line, 'server=/            /10.0.0.1', 0)?.text).toBe('--server=/{{ a #b }}/10.0.0.1');
  });
});
