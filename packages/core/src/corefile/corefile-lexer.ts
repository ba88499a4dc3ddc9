import { holdsPlaceholder } from '../text/placeholders.js';
import { findTemplateTags, mayHoldTemplates } from '../text/template-tags.js';
import type { CfProblem, CfToken } from './model.js';

/*
 * The Corefile lexer, as measured for coredns/caddy (SPEC A.1): blanks separate tokens, `"` opens a quoted
 * token only at a token start, `#` at a token start comments out the line, `#` inside a token ends the token
 * and drops characters up to the next blank. Template tags are handled first: control tags (`{% if %}`,
 * `{{- end }}`, comments) render to nothing and are removed; output tags (`{{ .x }}`) stay inside their token
 * and mark it templated.
 */

export interface LexOptions {
  /** A template file (`.sed`, `.j2`, ...): bare upper-case markers (`CLUSTER_DOMAIN`) are placeholders. */
  readonly templateFile?: boolean;
}

export interface LexResult {
  readonly tokens: CfToken[];
  readonly problems: CfProblem[];
  /** Control tags were removed: the text has alternatives the reader cannot see. */
  readonly controlTags: boolean;
}

/** Decoded Corefile text: `offsets[i]` is the source offset of `value[i]`, `offsets[value.length]` the end. */
export interface CorefileText {
  readonly value: string;
  readonly offsets: ArrayLike<number>;
}

/** The decoded text with removed template tags skipped: each kept character with its decoded index (undefined = same index). */
interface Filtered {
  readonly chars: string;
  readonly index: readonly number[] | undefined;
  /** Filtered index of an output tag start → filtered index after its end. */
  readonly outputTags: ReadonlyMap<number, number>;
  readonly controlTags: boolean;
  /** Filtered lines that held a removed control tag: their words are conditional. */
  readonly controlLines: ReadonlySet<number>;
}

/** `{{ block['x'] }}` is a Jinja variable named block, not Go's `{{ block "name" . }}`. */
const JINJA_BLOCK_VARIABLE = /^\{\{-?\s*block\s*[[.|]/;

function filterTemplates(value: string): Filtered {
  const identity = (): Filtered => ({ chars: value, index: undefined, outputTags: new Map(), controlTags: false, controlLines: new Set() });
  if (!mayHoldTemplates(value)) return identity();
  const tags = findTemplateTags(value);
  if (tags.length === 0) return identity();
  let chars = '';
  const index: number[] = [];
  const outputTags = new Map<number, number>();
  let controlTags = false;
  const controlLines = new Set<number>();
  let line = 0;
  let at = 0;
  const copy = (to: number): void => {
    for (; at < to; at++) {
      if (value[at] === '\n') line++;
      chars += value[at];
      index.push(at);
    }
  };
  for (const tag of tags) {
    copy(tag.start);
    const opener = value.slice(tag.start, tag.start + 2);
    const body = value.slice(tag.start, tag.end);
    const kept = (tag.role === 'other' && (tag.output || opener === '%{')) || JINJA_BLOCK_VARIABLE.test(body);
    if (kept) {
      const from = chars.length;
      copy(tag.end);
      outputTags.set(from, chars.length);
    } else {
      controlTags = true;
      controlLines.add(line);
      at = tag.end;
    }
  }
  copy(value.length);
  return { chars, index, outputTags, controlTags, controlLines };
}

/** Go's unicode.IsSpace, which the Corefile lexer uses. */
function isBlank(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0x85 || c === 0xa0 || (c >= 0x2000 && c <= 0x200a) || c === 0x1680 || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000;
}
/** Every placeholder form `holdsPlaceholder` knows has one of these characters. */
const MAY_HOLD_PLACEHOLDER = /[{<$%]|__/;
const ENV = /\{\$[^}\s]*\}|\{%[^%\s]*%\}/;
const SED_MARKER = /^[A-Z][A-Z0-9_]{3,}$|^[A-Z0-9_]*[A-Z]_[A-Z0-9_]*$/;

export function lexCorefile(source: string, decoded: CorefileText, options: LexOptions = {}): LexResult {
  const f = filterTemplates(decoded.value);
  const { chars } = f;
  const tokens: CfToken[] = [];
  const problems: CfProblem[] = [];
  const at = (k: number): number => (f.index === undefined ? k : f.index[k]!);
  const startOf = (k: number): number => decoded.offsets[at(k)]!;
  /** Source offset just after filtered character `k`. */
  const endOf = (k: number): number => {
    const j = at(k);
    const from = decoded.offsets[j]!;
    return source.charCodeAt(from) === decoded.value.charCodeAt(j) ? from + 1 : Math.max(from + 1, decoded.offsets[j + 1]!);
  };

  let i = chars.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 0;
  const n = chars.length;
  while (i < n) {
    const c = chars[i]!;
    if (c === '\n') {
      line++;
      i++;
      continue;
    }
    if (isBlank(chars.charCodeAt(i))) {
      i++;
      continue;
    }
    if (c === '#' && !f.outputTags.has(i)) {
      while (i < n && chars[i] !== '\n') i++;
      continue;
    }
    const first = i;
    const tokenLine = line;
    if (c === '"') {
      let value = '';
      i++;
      let closed = false;
      while (i < n) {
        const q = chars[i]!;
        if (q === '\\' && chars[i + 1] === '"') {
          value += '"';
          i += 2;
          continue;
        }
        if (q === '"') {
          closed = true;
          i++;
          break;
        }
        if (q === '\n') line++;
        value += q;
        i++;
      }
      const start = startOf(first);
      const end = endOf(i - 1);
      if (!closed) {
        problems.push({
          kind: 'unterminated-quote',
          message: 'This quote is never closed: CoreDNS reads everything up to the end of the file as one word and then fails with "Unexpected token …, expecting \'}\'".',
          range: { start, end: start + 1 },
        });
      }
      tokens.push(makeToken(value, start, end, tokenLine, true, f.controlLines.has(tokenLine), options));
      continue;
    }
    let templated = false;
    let hashCut: { start: number; end: number } | undefined;
    let last = i;
    let wordEnd = -1;
    const hasTags = f.outputTags.size > 0;
    while (i < n) {
      const tagEnd = hasTags ? f.outputTags.get(i) : undefined;
      if (tagEnd !== undefined) {
        templated = true;
        last = tagEnd - 1;
        i = tagEnd;
        continue;
      }
      const code = chars.charCodeAt(i);
      if (isBlank(code)) break;
      if (code === 35 /* # */) {
        wordEnd = i;
        while (i < n && !isBlank(chars.charCodeAt(i))) i++;
        hashCut = { start: startOf(wordEnd), end: endOf(i - 1) };
        break;
      }
      last = i;
      i++;
    }
    // Every character from the token start up to the `#` or blank belongs to the token (tags included).
    const value = chars.slice(first, wordEnd >= 0 ? wordEnd : i);
    const start = startOf(first);
    const end = value === '' ? start : endOf(last);
    if (value === '' && hashCut === undefined) continue;
    const token = makeToken(value, start, end, tokenLine, false, templated || f.controlLines.has(tokenLine), options);
    tokens.push(hashCut ? { ...token, hashCut } : token);
  }
  return { tokens, problems, controlTags: f.controlTags };
}

function makeToken(value: string, start: number, end: number, line: number, quoted: boolean, tagged: boolean, options: LexOptions): CfToken {
  const env = ENV.test(value);
  const templated =
    tagged || env || (MAY_HOLD_PLACEHOLDER.test(value) && holdsPlaceholder(value, false)) || (options.templateFile === true && SED_MARKER.test(value.replace(/^\}/, '')));
  return { value, start, end, line, quoted, templated, env };
}
