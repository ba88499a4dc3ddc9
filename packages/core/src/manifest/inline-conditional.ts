/**
 * A line whose content a template conditional wraps on the line itself: `{{ if .Values.x }}- --no-negcache{{ end }}`
 * in a list, `{% if x %}no-negcache{% endif %}` in a conf file. Masking leaves `_`s there, which read as neither a
 * list item nor an option; the content between the tags is what a rendering that keeps it has.
 */

const OPENING = /^(?:\{\{-?\s*(?:if|else|range|with)\b(?:[^}]|\}(?!\}))*\}\}|\{%-?\s*(?:if|elif|else|for)\b(?:[^%]|%(?!\}))*%\}|<%-?\s*(?:if|elsif|else|unless)\b(?:[^%]|%(?!>))*%>)[ \t]*/;
const CLOSING = /[ \t]*(?:\{\{-?\s*(?:end|else)\s*-?\}\}|\{%-?\s*(?:end\w*|else)\s*-?%\}|<%-?\s*(?:end|else)\s*-?%>)$/;

/** The offsets of what an opening control tag at `from` wraps, up to `to` and without closing tags; undefined without one. */
export function inlineConditionalContent(original: string, from: number, to: number): { start: number; end: number } | undefined {
  const opening = OPENING.exec(original.slice(from, to));
  if (!opening) return undefined;
  const start = from + opening[0].length;
  let end = to;
  for (let closing = CLOSING.exec(original.slice(start, end)); closing; closing = CLOSING.exec(original.slice(start, end))) {
    end -= closing[0].length;
  }
  return end > start ? { start, end } : undefined;
}
