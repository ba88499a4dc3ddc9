import { domainToASCII } from 'node:url';

/**
 * IDN conversion of a domain that needs it (it has upper-case or non-ASCII letters), modelled on
 * what libidn2 does for dnsmasq 2.90: lower-case every label, turn labels with non-ASCII letters
 * into punycode, and refuse labels that start or end with `-`, have `--` in third and fourth
 * position (unless they are valid `xn--` labels) or mix non-ASCII letters with ASCII punctuation
 * other than `-` and `_`. Empty labels pass. Returns undefined when the name is refused.
 */
export function idnToAscii(name: string): string | undefined {
  const out: string[] = [];
  for (const label of name.split('.')) {
    const converted = convertLabel(label);
    if (converted === undefined) return undefined;
    out.push(converted);
  }
  return out.join('.');
}

function convertLabel(label: string): string | undefined {
  if (label === '') return '';
  if (label.startsWith('-') || label.endsWith('-')) return undefined;
  const ascii = /^[\x00-\x7f]*$/.test(label);
  const lower = ascii ? label.toLowerCase() : label;
  if (lower.slice(2, 4) === '--') {
    if (!lower.startsWith('xn--')) return undefined;
    const decoded = domainToASCII(lower);
    return decoded === '' || decoded.includes('.') ? undefined : decoded;
  }
  if (ascii) return lower;
  if (/[\x20-\x2c\x2e-\x2f\x3a-\x40\x5b-\x5e\x60\x7b-\x7f]/.test(label)) return undefined;
  const converted = domainToASCII(label);
  return converted === '' || converted.includes('.') ? undefined : converted;
}
