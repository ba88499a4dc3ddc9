/** Where JSON text first goes wrong, since Node's JSON.parse messages do not always carry a position. */

export type JsonParse = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly offset: number; readonly reason: string };

export function parseJson(text: string): JsonParse {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, ...locate(text) };
  }
}

class Stop {
  constructor(
    readonly offset: number,
    readonly reason: string,
  ) {}
}

function locate(text: string): { offset: number; reason: string } {
  let i = 0;
  const fail = (reason: string): never => {
    throw new Stop(Math.min(i, text.length), reason);
  };
  const ws = (): void => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const describe = (): string => (i >= text.length ? 'the text ends too early' : `"${text[i]}" is not allowed here${/[\u201c\u201d\u2018\u2019]/.test(text[i]!) ? ' (a typographic quote; JSON needs plain ")' : ''}`);
  const string = (): void => {
    if (text[i] !== '"') fail(`expected a string in plain double quotes, but ${describe()}`);
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text.charCodeAt(i) < 0x20) fail('a string holds a raw line break or tab; JSON writes them as \\n or \\t');
      i += text[i] === '\\' ? 2 : 1;
    }
    if (i >= text.length) fail('a string is not closed');
    i++;
  };
  const value = (depth: number): void => {
    if (depth > 200) fail('nesting is too deep');
    ws();
    const c = text[i];
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      i++;
      ws();
      if (text[i] === close) return void i++;
      for (;;) {
        if (c === '{') {
          ws();
          string();
          ws();
          if (text[i] !== ':') fail(`expected ":" but ${describe()}`);
          i++;
        }
        value(depth + 1);
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === close) return void i++;
        fail(`expected "," or "${close}" but ${describe()}`);
      }
    }
    if (c === '"') return string();
    const literal = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(i, i + 400));
    if (!literal) fail(`expected a value but ${describe()}`);
    i += literal![0].length;
  };
  try {
    value(0);
    ws();
    if (i < text.length) fail(`${describe()} after the value`);
    return { offset: text.length, reason: 'the value is not valid JSON' };
  } catch (e) {
    if (e instanceof Stop) return { offset: e.offset, reason: e.reason };
    return { offset: 0, reason: 'the value is not valid JSON' };
  }
}
