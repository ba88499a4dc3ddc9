import type { CfBlock, CfDirective, CfProblem, CfServerBlock, CfToken } from './model.js';

/*
 * The Corefile parser (SPEC A.2), with recovery: every structural mistake becomes a problem at its token and
 * reading goes on as a person would read the file (a glued `zone{` still opens the block), so later rules see
 * the intended structure. CoreDNS itself would often read something else; the problem says what.
 */

export interface ParseOptions {
  /** Template file: a `}MARKER` (sed) closes the block it follows. */
  readonly templateFile?: boolean;
}

export interface ParseResult {
  readonly servers: CfServerBlock[];
  readonly imports: CfDirective[];
  readonly problems: CfProblem[];
  readonly opaque: boolean;
}

const isOpen = (t: CfToken | undefined): boolean => t !== undefined && !t.quoted && t.value === '{';
const isClose = (t: CfToken | undefined): boolean => t !== undefined && !t.quoted && t.value === '}';
const GLUED_OPEN = /^[^{}]+\{$/;
const SED_CLOSE = /^\}[A-Z][A-Z0-9_]*$/;
const TAG_AFTER_CLOSE = /^\}(\{\{|\{%|<%|\$\{|%\{)/;

export function parseCorefile(tokens: readonly CfToken[], options: ParseOptions = {}): ParseResult {
  const problems: CfProblem[] = [];
  const servers: CfServerBlock[] = [];
  const imports: CfDirective[] = [];
  let opaque = false;
  let i = 0;
  const n = tokens.length;

  const problem = (kind: CfProblem['kind'], message: string, t: CfToken): void => {
    problems.push({ kind, message, range: { start: t.start, end: Math.max(t.end, t.start + 1) } });
  };

  /** A line made only of template output (`{{ extra | indent 8 }}`): it may render to anything. */
  const outputOnlyLine = (at: number): boolean => {
    const line = tokens[at]!.line;
    for (let k = at; k < n && tokens[k]!.line === line; k++) {
      const t = tokens[k]!;
      if (!t.templated || !/^(\{\{|\{%|<%|\$\{|%\{)/.test(t.value) || /[{}]$/.test(t.value.replace(/(\}\}|%\}|%>)$/, ''))) return false;
    }
    return true;
  };
  const skipLine = (at: number): number => {
    const line = tokens[at]!.line;
    let k = at;
    while (k < n && tokens[k]!.line === line) k++;
    return k;
  };
  /** `}` glued to a template tag or sed marker (`}{{ .Federation }}`, `}STUBDOMAINS`) still closes the block once rendered. */
  const templatedClose = (t: CfToken): boolean =>
    !t.quoted && t.templated && (TAG_AFTER_CLOSE.test(t.value) || (options.templateFile === true && SED_CLOSE.test(t.value)));
  const closesBlock = (t: CfToken): boolean => isClose(t) || templatedClose(t);

  function readBlock(open: CfToken | undefined, depth: number): CfBlock {
    const directives: CfDirective[] = [];
    let blockOpaque = false;
    let close: CfToken | undefined;
    while (i < n) {
      const t = tokens[i]!;
      if (closesBlock(t)) {
        close = t;
        i++;
        break;
      }
      if (open === undefined && depth === 0 && isClose(t)) break;
      if (outputOnlyLine(i)) {
        blockOpaque = true;
        i = skipLine(i);
        continue;
      }
      if (!t.quoted && t.value.startsWith('}') && t.value.length > 1 && !t.templated) {
        problem('glued-brace', `\`${t.value}\` is one word for CoreDNS, not a closing brace: write \`}\` on its own, separated by a blank.`, t);
        close = t;
        i++;
        break;
      }
      const read = readDirective(depth, open);
      directives.push(read.directive);
      if (read.closedBy) {
        close = read.closedBy;
        break;
      }
    }
    if (close === undefined && open !== undefined) {
      problem('unclosed-block', 'This block is never closed: CoreDNS fails with "Unexpected EOF" or reads the following lines as options of this one.', open);
    }
    const block: { open?: CfToken; close?: CfToken; directives: CfDirective[]; opaque: boolean } = { directives, opaque: blockOpaque };
    if (open) block.open = open;
    if (close) block.close = close;
    return block;
  }

  /** Reads one directive line (and its block); `closedBy` is a `}` on the same line that closed the enclosing block. */
  function readDirective(depth: number, enclosingOpen: CfToken | undefined): { directive: CfDirective; closedBy?: CfToken } {
    const name = tokens[i]!;
    const line = name.line;
    i++;
    const args: CfToken[] = [];
    while (i < n && tokens[i]!.line === line) {
      const t = tokens[i]!;
      if (isOpen(t)) {
        i++;
        const block = readBlock(t, depth + 1);
        return { directive: { name, args, block, depth } };
      }
      if (isClose(t)) {
        if (depth === 0 && enclosingOpen !== undefined && enclosingOpen.line === line) {
          problem('one-line-block', 'A server block cannot be written on one line: CoreDNS fails with "Unexpected \'}\' because no matching opening brace". Put each plugin and the `}` on their own lines.', t);
        }
        i++;
        return { directive: { name, args, depth }, closedBy: t };
      }
      args.push(t);
      i++;
    }
    const last = args[args.length - 1] ?? name;
    if (!last.quoted && !last.templated && GLUED_OPEN.test(last.value)) {
      problem('glued-brace', `\`${last.value}\` is one word for CoreDNS: the \`{\` must be separated by a blank, otherwise the block's lines are read as plugins of their own.`, last);
      const block = readBlock(last, depth + 1);
      return { directive: { name, args, block, depth } };
    }
    if (isOpen(tokens[i]) && tokens[i + 1]?.line !== tokens[i]!.line) {
      const open = tokens[i]!;
      problem('brace-next-line', `The \`{\` of \`${name.value}\` must be on the same line: CoreDNS does not read this block as its options.`, open);
      i++;
      const block = readBlock(open, depth + 1);
      return { directive: { name, args, block, depth } };
    }
    return { directive: { name, args, depth } };
  }

  while (i < n) {
    const t = tokens[i]!;
    if (isClose(t) || (!t.quoted && t.value.startsWith('}') && !t.templated)) {
      if (!templatedClose(t)) {
        problem('stray-close', 'This `}` closes nothing: CoreDNS silently reads it as a new server block named `}`.', t);
      }
      i++;
      continue;
    }
    if (!t.quoted && t.value === 'import') {
      imports.push(readDirective(0, undefined).directive);
      continue;
    }
    if (outputOnlyLine(i)) {
      opaque = true;
      i = skipLine(i);
      continue;
    }
    const keys: CfToken[] = [];
    let line = t.line;
    while (i < n && tokens[i]!.line === line && !isOpen(tokens[i])) {
      keys.push(tokens[i]!);
      i++;
      if (i < n && tokens[i]!.line !== line && keys[keys.length - 1]!.value.endsWith(',')) line = tokens[i]!.line;
    }
    const last = keys[keys.length - 1]!;
    let open: CfToken | undefined;
    if (isOpen(tokens[i])) {
      open = tokens[i]!;
      i++;
    } else if (!last.quoted && !last.templated && GLUED_OPEN.test(last.value)) {
      problem('glued-brace', `\`${last.value}\` is one word for CoreDNS: it becomes a zone named \`${last.value}\` and the block is read without braces. Separate the \`{\` with a blank.`, last);
      open = last;
    }
    const block = readBlock(open, 0);
    servers.push({ keys, block, snippet: keys.length === 1 && /^\(.+\)$/.test(keys[0]!.value) });
  }
  return { servers, imports, problems, opaque };
}
