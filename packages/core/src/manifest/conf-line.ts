/** One option line of a dnsmasq conf file, as the argv word dnsmasq makes of it, with source offsets. */
export interface ConfWord {
  /** `--name=value` (or `--name`), the value unquoted. */
  readonly text: string;
  /** Source offsets of the line's option text, comment and surrounding blanks left out. */
  readonly start: number;
  readonly end: number;
  /** Source offset of each index of `text` (the leading `--` maps to the name's first character). */
  readonly map: (index: number) => number;
}

const ESCAPES: Readonly<Record<string, string>> = { t: '\t', e: '\x1b', b: '\b', r: '\r', n: '\n', '\\': '\\', '"': '"' };

/**
 * Reads one conf line as dnsmasq 2.90 does (measured with --test --conf-file): a `#` after a blank, outside
 * double quotes, starts a comment; blanks around the first `=` are dropped; double quotes are removed, and
 * inside them `\\`, `\"`, `\t`, `\e`, `\b`, `\r`, `\n` are escapes. `masked` is the line with template tags
 * blanked out, so a `#` inside a tag does not start a comment. Undefined for a line with no option.
 */
export function readConfLine(line: string, masked: string, lineStart: number): ConfWord | undefined {
  let cut = line.length;
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    if (masked[i] === '"' && line[i - 1] !== '\\') quoted = !quoted;
    else if (masked[i] === '#' && !quoted && (i === 0 || /[ \t]/.test(line[i - 1]!))) {
      cut = i;
      break;
    }
  }
  const lead = /^[ \t]*/.exec(line)![0].length;
  const end = line.slice(0, cut).trimEnd().length;
  if (end <= lead) return undefined;
  const eq = line.indexOf('=', lead);
  const nameEnd = eq === -1 || eq >= end ? end : eq;
  const name = line.slice(lead, nameEnd).trimEnd();
  const chars: string[] = ['-', '-', ...name];
  const offsets: number[] = [lead, lead, ...Array.from(name, (_, k) => lead + k)];
  if (nameEnd < end) {
    chars.push('=');
    offsets.push(eq);
    let i = eq + 1;
    while (i < end && (line[i] === ' ' || line[i] === '\t')) i++;
    let inQuotes = false;
    for (; i < end; i++) {
      const c = line[i]!;
      if (c === '"') {
        inQuotes = !inQuotes;
        continue;
      }
      const escaped = inQuotes && c === '\\' ? ESCAPES[line[i + 1] ?? ''] : undefined;
      chars.push(escaped ?? c);
      offsets.push(i);
      if (escaped !== undefined) i++;
    }
  }
  const text = chars.join('');
  return {
    text,
    start: lineStart + lead,
    end: lineStart + end,
    map: (index) => lineStart + (index < offsets.length ? offsets[Math.max(0, index)]! : offsets[offsets.length - 1]! + 1),
  };
}
