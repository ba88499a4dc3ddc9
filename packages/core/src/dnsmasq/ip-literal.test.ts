import { describe, expect, it } from 'vitest';
import { parseIPv4Any, parseIPv4Legacy, parseIPv4Strict, parseIPv6 } from './ip-literal.js';

describe('IPv4 literals', () => {
  it('reads the strict dotted quad like inet_pton', () => {
    expect(parseIPv4Strict('10.36.8.40')?.address).toBe('10.36.8.40');
    for (const bad of ['01.2.3.4', '256.1.1.1', '1.2.3', '1.2.3.4.5', ' 1.2.3.4', '1.2.3.4 ', '127.1', '']) {
      expect(parseIPv4Strict(bad), bad).toBeUndefined();
    }
  });

  it("reads glibc's legacy forms like getaddrinfo (values checked against dnsmasq 2.90)", () => {
    const cases: Record<string, string> = {
      '127.1': '127.0.0.1',
      '0x7f000001': '127.0.0.1',
      '0177.0.0.1': '127.0.0.1',
      '0X7f.1': '127.0.0.1',
      '127.0.1': '127.0.0.1',
      '4294967295': '255.255.255.255',
      '00': '0.0.0.0',
      '1.0xffffff': '1.255.255.255',
      '1.2.0xffff': '1.2.255.255',
    };
    for (const [text, address] of Object.entries(cases)) expect(parseIPv4Any(text)?.address, text).toBe(address);
    for (const bad of ['0x', '0x.1', '1.', '09', '4294967296', '1.0x1000000', '1.2.65536', '1..2', '256.1.1.1']) {
      expect(parseIPv4Legacy(bad), bad).toBeUndefined();
    }
  });
});

describe('IPv6 literals', () => {
  it('normalises like inet_ntop', () => {
    const cases: Record<string, string> = {
      '::1': '::1',
      '::': '::',
      'FE80:0:0:0:0:0:0:1': 'fe80::1',
      '2001:db8:0:0:1:0:0:1': '2001:db8::1:0:0:1',
      '1:2:3:4:5:6:7::': '1:2:3:4:5:6:7:0',
      '::1:2:3:4:5:6:7': '0:1:2:3:4:5:6:7',
      '::ffff:1.2.3.4': '::ffff:1.2.3.4',
      '::1.2.3.4': '::1.2.3.4',
      '1:0:2:0:0:3:0:0': '1:0:2::3:0:0',
    };
    for (const [text, address] of Object.entries(cases)) expect(parseIPv6(text)?.address, text).toBe(address);
  });

  it('refuses what inet_pton refuses', () => {
    for (const bad of ['1::2::3', '00000::1', '::01.2.3.4', '[::1]', 'fe80::1%lo', ':1::', '1.2.3.4::', '1:2:3:4:5:6:7:8::', '1:2:3:4:5:6:7', '']) {
      expect(parseIPv6(bad), bad).toBeUndefined();
    }
  });
});
