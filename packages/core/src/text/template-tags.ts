/**
 * Finds template tags in a manifest: Go/Helm `{{ }}`, Jinja2 `{% %}` `{{ }}` `{# #}`, ERB `<% %>`,
 * Terraform `${ }` and `%{ }`. Each tag says whether it opens, continues or closes a conditional
 * or loop block, so arguments between them can be marked `conditional`.
 */

export type TagRole = 'open' | 'middle' | 'close' | 'other';

export interface TemplateTag {
  readonly start: number;
  readonly end: number;
  readonly role: TagRole;
  /** The tag prints a value (`{{ .x }}`, `<%= x %>`, `${x}`) rather than steering the template. */
  readonly output: boolean;
}

const MAX_TAG_LENGTH = 4096;
const OPENERS = ['{{', '{%', '{#', '<%', '${', '%{'] as const;
const CLOSERS: Record<(typeof OPENERS)[number], string> = {
  '{{': '}}', '{%': '%}', '{#': '#}', '<%': '%>', '${': '}', '%{': '}',
};

const GO_OPEN = /^(if|range|with|define|block)\b/;
const GO_MIDDLE = /^else\b/;
const GO_CLOSE = /^end\b/;
const JINJA_OPEN = /^(if|for|macro|block|call|filter|with|raw)\b/;
const JINJA_MIDDLE = /^(elif|else)\b/;
const JINJA_CLOSE = /^end\w+/;
const ERB_OPEN = /^(if|unless|while|until|case|for)\b|\bdo(\s*\|[^|]*\|)?\s*$/;
const ERB_MIDDLE = /^(else|elsif|when)\b/;
const ERB_CLOSE = /^end\b/;
const TF_OPEN = /^(if|for)\b/;
const TF_MIDDLE = /^else\b/;
const TF_CLOSE = /^end(if|for)\b/;

function roleOf(opener: string, inner: string): TagRole {
  const body = inner.replace(/^[-=~+#]?\s*/, '').replace(/\s*[-~]?$/, '');
  const test = (open: RegExp, middle: RegExp, close: RegExp): TagRole =>
    open.test(body) ? 'open' : middle.test(body) ? 'middle' : close.test(body) ? 'close' : 'other';
  switch (opener) {
    case '{{':
      return test(GO_OPEN, GO_MIDDLE, GO_CLOSE);
    case '{%':
      return test(JINJA_OPEN, JINJA_MIDDLE, JINJA_CLOSE);
    case '<%':
      return inner.startsWith('=') || inner.startsWith('#') ? 'other' : test(ERB_OPEN, ERB_MIDDLE, ERB_CLOSE);
    case '%{':
      return test(TF_OPEN, TF_MIDDLE, TF_CLOSE);
    default:
      return 'other';
  }
}

function isOutput(opener: string, inner: string): boolean {
  if (opener === '{{') return !/^-?\s*\/\*/.test(inner) && !/^-?\s*(define|template|block)\b/.test(inner);
  if (opener === '<%') return inner.startsWith('=');
  return opener === '${';
}

/** The end of a `${ ... }` or `%{ ... }` tag: braces inside are balanced. */
function braceEnd(text: string, from: number): number {
  let depth = 1;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') return -1;
    if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i + 1;
  }
  return -1;
}

/** Finds the next opener of any kind; remembers each kind's next position so the text is scanned once per kind. */
function openerFinder(text: string): (from: number) => { at: number; opener: (typeof OPENERS)[number] } | undefined {
  const next = OPENERS.map(() => -2);
  return (from) => {
    let best = -1;
    for (let k = 0; k < OPENERS.length; k++) {
      if (next[k] !== -1 && next[k]! < from) next[k] = text.indexOf(OPENERS[k]!, from);
      const at = next[k]!;
      if (at >= 0 && (best < 0 || at < next[best]!)) best = k;
    }
    return best < 0 ? undefined : { at: next[best]!, opener: OPENERS[best]! };
  };
}

/** Cheap test used before any scanning. */
export function mayHoldTemplates(text: string): boolean {
  return OPENERS.some((o) => text.includes(o));
}

export function findTemplateTags(text: string): TemplateTag[] {
  const tags: TemplateTag[] = [];
  const nextOpener = openerFinder(text);
  let from = 0;
  for (;;) {
    const next = nextOpener(from);
    if (!next) return tags;
    const innerStart = next.at + 2;
    let end: number;
    if (next.opener === '${' || next.opener === '%{') {
      end = braceEnd(text, innerStart);
    } else {
      // Tags longer than this are taken for stray braces, which keeps unclosed `{{` from costing a rescan each.
      const close = text.slice(innerStart, innerStart + MAX_TAG_LENGTH).indexOf(CLOSERS[next.opener]);
      end = close < 0 ? -1 : innerStart + close + 2;
    }
    if (end < 0) {
      from = innerStart;
      continue;
    }
    const closerLength = next.opener === '${' || next.opener === '%{' ? 1 : 2;
    const inner = text.slice(innerStart, end - closerLength);
    const role = roleOf(next.opener, inner);
    tags.push({ start: next.at, end, role, output: role === 'other' && isOutput(next.opener, inner) });
    from = end;
  }
}
