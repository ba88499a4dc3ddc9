import { describe, expect, it } from 'vitest';
import { readName } from '../../src/dns/wire/wire.js';

const name = (...labels: (string | number[])[]): number[] =>
  labels.flatMap((l) => (typeof l === 'string' ? [l.length, ...Buffer.from(l, 'latin1')] : [l.length, ...l])).concat(0);

describe('readName', () => {
  it('reads labels with the sender case and a lower-case key', () => {
    const r = readName(Buffer.from(name('WWW', 'Example', 'com')), 0)!;
    expect([r.spelled, r.key, r.end, r.wireLength]).toEqual(['WWW.Example.com', 'www.example.com', 17, 17]);
  });

  it('follows compression pointers and reports the end after the first pointer', () => {
    const buf = Buffer.from([...name('example', 'com'), 3, 0x77, 0x77, 0x77, 0xc0, 0]);
    const r = readName(buf, 13)!;
    expect([r.spelled, r.end]).toEqual(['www.example.com', 19]);
  });

  it('escapes dots, backslashes and non-printable bytes', () => {
    expect(readName(Buffer.from(name([0x61, 0x2e, 0x62], [0x5c], [0x01, 0x41])), 0)!.spelled).toBe('a\\.b.\\\\.\\001A');
  });

  it('refuses pointer loops, reserved label types, overruns and names over 255 bytes', () => {
    expect(readName(Buffer.from([0xc0, 0]), 0)).toBeUndefined();
    expect(readName(Buffer.from([0x40, 0]), 0)).toBeUndefined();
    expect(readName(Buffer.from([5, 0x61]), 0)).toBeUndefined();
    const long = Buffer.from(name(...Array.from({ length: 5 }, () => 'x'.repeat(60))));
    expect(readName(long, 0)).toBeUndefined();
    expect(readName(Buffer.from([0]), 0)!.spelled).toBe('');
  });
});
