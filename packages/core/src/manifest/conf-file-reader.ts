import { optionByLong, optionByShort } from '../dnsmasq/options/option-lookup.js';
import type { Range } from '../text/source-range.js';
import type { TextEdit } from '../text/text-edit.js';
import type { ArgInsertion, ConfFragment, DnsmasqInvocation, ManifestArg, ManifestModel } from './model.js';
import { isConditional, maskTemplates } from './template-mask.js';
import { readConfLine } from './conf-line.js';
import { hasPlaceholder } from './placeholder.js';
import { inlineConditionalContent } from './inline-conditional.js';

const UNREAD_FOLDER: ConfFragment = { servers: 'unknown', siblings: [], routed: [] };

/** The kind given to the pseudo-workload of a dnsmasq conf file. */
export const CONF_FILE_KIND = 'dnsmasq.conf';

/**
 * A `.conf` file is read as dnsmasq's when at least two thirds of its option lines start with a dnsmasq
 * option name, so that nginx.conf or a resolv.conf template next to the manifests is left alone.
 */
export function looksLikeDnsmasqConf(text: string): boolean {
  const masked = maskTemplates(text).masked || text;
  let lines = 0;
  let known = 0;
  for (const line of masked.matchAll(/[^\r\n]+/g)) {
    const content = line[0].trim();
    if (content === '' || content.startsWith('#')) continue;
    lines++;
    if (optionByLong(/^[^=\s]*/.exec(content)![0])) known++;
  }
  return known > 0 && known * 3 >= lines * 2;
}

/**
 * Reads a dnsmasq conf file as one invocation: each `option[=value]` line is the argv word `--option[=value]`
 * (dnsmasq reads conf lines as long options; see conf-line.ts), with its source offsets. Comment and
 * template-only lines are skipped; lines inside template conditionals are conditional.
 */
export function readDnsmasqConf(text: string, filePath?: string, confDir: ConfFragment = UNREAD_FOLDER): ManifestModel {
  const mask = maskTemplates(text);
  const masked = mask.masked.length === text.length ? mask.masked : text;
  const args: ManifestArg[] = [];
  for (const line of text.matchAll(/[^\r\n]+/g)) {
    let maskedLine = masked.slice(line.index, line.index + line[0].length);
    if (maskedLine.trim() === '') continue;
    let lineText = line[0];
    // `{% if x %}no-negcache{% endif %}`: the option between the tags, as the renderings that keep it read it.
    const lead = lineText.length - lineText.trimStart().length;
    const wrapped = maskedLine[lead] === '_' ? inlineConditionalContent(lineText, lead, lineText.length) : undefined;
    if (wrapped) {
      const blank = (s: string) => ' '.repeat(wrapped.start) + s.slice(wrapped.start, wrapped.end) + ' '.repeat(s.length - wrapped.end);
      lineText = blank(lineText);
      maskedLine = blank(maskedLine);
    }
    const word = readConfLine(lineText, maskedLine, line.index);
    if (!word) continue;
    args.push({ ...word, templated: hasPlaceholder(text.slice(word.start, word.end)), conditional: isConditional(mask, word.start) });
  }
  const first: Range = args[0] ? { start: args[0].start, end: args[0].end } : { start: 0, end: 0 };
  const invocation: DnsmasqInvocation = {
    workload: { kind: CONF_FILE_KIND, annotations: {}, kindRange: { start: 0, end: 0 } },
    containerRange: first,
    launcher: 'direct',
    args,
    insertion: confInsertion(text),
    tolerant: false,
    hostOrContainerUnknown: true,
    ...(filePath !== undefined && isConfFragmentPath(filePath) ? { fragment: confDir } : {}),
  };
  return { text, invocations: [invocation], configMaps: [], parseProblems: [] };
}

/** dnsmasq's own file is `dnsmasq.conf`; a file in a `*.d` directory, or of any other name, is one of a conf-dir's. */
export function isConfFragmentPath(filePath: string): boolean {
  const parts = filePath.split(/[\\/]/);
  const name = parts[parts.length - 1] ?? '';
  const dir = parts[parts.length - 2] ?? '';
  return /\.d$/i.test(dir) || !/^dnsmasq\.conf(\.|$)/i.test(name);
}

/** `--no-negcache` -> `no-negcache`, `-N` -> `no-negcache`: conf files only know long names. */
function confLine(word: string): string {
  if (word.startsWith('--')) return word.slice(2);
  const spec = word.length >= 2 ? optionByShort(word[1]!) : undefined;
  return spec ? spec.long + (word.length > 2 ? `=${word.slice(2)}` : '') : word;
}

function confInsertion(text: string): ArgInsertion {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  return {
    append(words): TextEdit {
      const lead = text.length === 0 || text.endsWith('\n') ? '' : eol;
      return { start: text.length, end: text.length, newText: lead + words.map((w) => confLine(w) + eol).join('') };
    },
    replace(arg, newWord): TextEdit {
      return { start: arg.start, end: arg.end, newText: confLine(newWord) };
    },
    remove(arg): TextEdit {
      const lineStart = text.lastIndexOf('\n', arg.start - 1) + 1;
      const next = text.indexOf('\n', arg.end);
      return { start: lineStart, end: next === -1 ? text.length : next + 1, newText: '' };
    },
  };
}
