import { lexCorefile, type CorefileText } from './corefile-lexer.js';
import { parseCorefile } from './corefile-parser.js';
import type { Corefile, CorefileSource } from './model.js';

export interface ReadCorefileOptions {
  readonly templateFile?: boolean;
}

/** Reads one Corefile from its decoded text. Never throws on any input: problems are data. */
export function readCorefile(source: string, decoded: CorefileText, from: CorefileSource, options: ReadCorefileOptions = {}): Corefile {
  const lexed = lexCorefile(source, decoded, options);
  const parsed = parseCorefile(lexed.tokens, options);
  return {
    servers: parsed.servers,
    imports: parsed.imports,
    problems: [...lexed.problems, ...parsed.problems].sort((a, b) => a.range.start - b.range.start),
    templated: lexed.controlTags || parsed.opaque,
    opaque: parsed.opaque,
    tokens: lexed.tokens,
    source: from,
  };
}

/** A standalone Corefile: the text is the Corefile, one source character per character. */
export function verbatim(text: string): CorefileText {
  const offsets = new Int32Array(text.length + 1);
  for (let i = 0; i <= text.length; i++) offsets[i] = i;
  return { value: text, offsets };
}
