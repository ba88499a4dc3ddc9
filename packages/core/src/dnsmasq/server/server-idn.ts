import { domainToASCII, domainToUnicode } from 'node:url';

/**
 * IDN conversion of a domain that needs it (it has upper-case or non-ASCII letters), modelled on
 * what libidn2 does for dnsmasq 2.90: UTS #46 mapping (node's `domainToASCII`: lower-casing, width
 * and compatibility folding, `。` as a dot), then the IDNA2008 checks of RFC 5891-5893 that node does
 * not make, approximated with Unicode properties (see `validUnicodeLabel`). ASCII labels only get
 * lower-cased and the hyphen checks. Returns undefined when the name is refused.
 */
export function idnToAscii(name: string): string | undefined {
  const out: string[] = [];
  for (const label of name.replace(/[\u3002\uff0e\uff61]/g, '.').split('.')) {
    const converted = convertLabel(label);
    if (converted === undefined) return undefined;
    out.push(converted);
  }
  return out.join('.');
}

function convertLabel(label: string): string | undefined {
  if (label === '') return '';
  const ascii = /^[\x00-\x7f]*$/.test(label);
  if (ascii) {
    const lower = label.toLowerCase();
    if (!hyphensOk(lower)) return undefined;
    if (lower.startsWith('xn--')) return validAceLabel(lower) ? lower : undefined;
    return lower;
  }
  if (/[\x20-\x2c\x2e-\x2f\x3a-\x40\x5b-\x5e\x60\x7b-\x7f]/.test(label)) return undefined;
  const converted = labelToAscii(label);
  if (converted === undefined || converted === '') return converted;
  const unicode = labelToUnicode(converted);
  if (!hyphensOk(unicode) || !validUnicodeLabel(unicode)) return undefined;
  return converted;
}

/** One label through UTS #46; the `.a` suffix stops the URL host parser from reading digits as IPv4. */
function labelToAscii(label: string): string | undefined {
  const host = domainToASCII(`${label}.a`);
  if (!host.endsWith('.a')) return undefined;
  const converted = host.slice(0, -2);
  return converted.includes('.') ? undefined : converted;
}

function labelToUnicode(ace: string): string {
  return domainToUnicode(`${ace}.a`).slice(0, -2);
}

/** No leading or trailing hyphen, no `--` in third and fourth position except the `xn--` prefix. */
function hyphensOk(label: string): boolean {
  if (label.startsWith('-') || label.endsWith('-')) return false;
  return label.slice(2, 4) !== '--' || label.startsWith('xn--');
}

function validAceLabel(label: string): boolean {
  const checked = labelToAscii(label);
  return checked !== undefined && checked !== '' && validUnicodeLabel(labelToUnicode(checked));
}

/** Code points RFC 5892 makes DISALLOWED although their category looks like a letter or mark. */
const DISALLOWED = /[\u0640\u07fa\u302e\u302f\u3031-\u3035\u303b\u1100-\u11ff\ua960-\ua97f\ud7b0-\ud7ff\u200c\u200d]/u;
const RTL_LETTER = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;
const ARABIC_DIGIT = /[\u0660-\u0669]/u;

/**
 * IDNA2008 validity of a mapped label: only letters, digits and combining marks (plus `-`, `〇`, and
 * `_` and `·` which dnsmasq's libidn2 lets through), no mark first, and the bidi
 * rule: a label with right-to-left letters or Arabic-Indic digits must start with a right-to-left
 * letter and hold no other letters.
 */
function validUnicodeLabel(label: string): boolean {
  if (!/^[\p{Ll}\p{Lo}\p{Lm}\p{Mn}\p{Mc}\p{Nd}\u00b7\u3007_-]+$/u.test(label) || DISALLOWED.test(label)) return false;
  if (/^[\p{Mn}\p{Mc}]/u.test(label)) return false;
  if (RTL_LETTER.test(label) || ARABIC_DIGIT.test(label)) {
    const first = label.charAt(0);
    if (!RTL_LETTER.test(first) || !/\p{L}/u.test(first)) return false;
    if (/[\p{L}]/u.test(label.replace(new RegExp(RTL_LETTER.source, 'gu'), ''))) return false;
  }
  return true;
}
