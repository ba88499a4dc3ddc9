import { describe, expect, it } from 'vitest';
import { confFileReason } from './conf-file-messages.js';

describe('confFileReason', () => {
  it('gives the words dnsmasq 2.90 prints for a refused conf-file line', () => {
    expect(confFileReason('bad command line options: try --help', 'unknown-option')).toBe('bad option');
    expect(confFileReason('bad command line options: try --help', 'ambiguous-option')).toBe('bad option');
    expect(confFileReason('bad command line options: try --help', 'unexpected-argument')).toBe('extraneous parameter');
    expect(confFileReason('bad command line options: try --help', 'missing-argument')).toBe('missing parameter');
    expect(confFileReason('bad command line options: illegal repeated flag', 'repeated-option')).toBe('illegal repeated keyword');
    expect(confFileReason('bad command line options: try --help')).toBe('error');
    expect(confFileReason('bad command line options: bad port')).toBe('bad port');
    expect(confFileReason('bad command line options: Name or service not known')).toBe('Name or service not known');
  });
});
