import { describe, expect, it } from 'vitest';
import { atoi, cacheSizeValue, minCacheTtlValue, numericValue, port16Value } from './numbers.js';

describe('dnsmasq numbers', () => {
  it('take digits only, empty meaning 0', () => {
    expect(numericValue('')).toBe(0);
    expect(numericValue('0150')).toBe(150);
    for (const bad of ['-1', '+1', ' 100', '1k', '1h', '0x10']) expect(numericValue(bad), bad).toBeUndefined();
  });

  it('wrap like C atoi on 64-bit glibc', () => {
    expect(atoi('2147483647')).toBe(2147483647);
    expect(atoi('2147483648')).toBe(-2147483648);
    expect(atoi('4294967296')).toBe(0);
    expect(atoi('4294967396')).toBe(100);
    expect(atoi('99999999999')).toBe(1215752191);
    expect(atoi('99999999999999999999')).toBe(-1);
    expect(atoi('0'.repeat(30) + '7')).toBe(7);
  });

  it('check ports after the wrap-around (dnsmasq accepts --port=4294967349 as 53)', () => {
    expect(port16Value('4294967349')).toBe(53);
    expect(port16Value('65535')).toBe(65535);
    expect(port16Value('65536')).toBeUndefined();
    expect(port16Value('99999999999999999999')).toBeUndefined();
  });

  it('clamp --cache-size and --min-cache-ttl as dnsmasq 2.90 does', () => {
    expect(cacheSizeValue('10000000')).toBe(5_000_000);
    expect(cacheSizeValue('99999999999')).toBe(5_000_000);
    expect(cacheSizeValue('4294967396')).toBe(100);
    expect(cacheSizeValue('2147483648')).toBe(0);
    expect(cacheSizeValue('')).toBe(0);
    expect(minCacheTtlValue('7200')).toBe(3600);
    expect(minCacheTtlValue('60')).toBe(60);
  });
});
