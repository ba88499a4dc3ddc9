import type { Range } from '../text/source-range.js';
import type { TextEdit } from '../text/text-edit.js';
import type { ArgInsertion, DnsmasqInvocation, ManifestArg, ManifestModel } from './model.js';
import { wrapperSeparator } from './wrapper-shape.js';
import { hasPlaceholder } from './placeholder.js';

/**
 * Reads a bare argv as one dnsmasq invocation: words split at blanks (no shell quoting),
 * a leading `dnsmasq` program name dropped, `#` comment lines skipped.
 */
export function readRawArgv(text: string): ManifestModel {
  const args: ManifestArg[] = [];
  for (const line of text.matchAll(/[^\r\n]+/g)) {
    if (/^\s*#/.test(line[0])) continue;
    for (const w of line[0].matchAll(/\S+/g)) {
      const start = line.index + w.index;
      args.push({ text: w[0], start, end: start + w[0].length, templated: hasPlaceholder(w[0]), conditional: false });
    }
  }
  if (args[0] && /(^|\/)dnsmasq$/.test(args[0].text)) args.shift();
  // A wrapper's argv (`-v=2 -logtostderr ... -- -k ...`, the nanny's or a controller's): dnsmasq gets what follows `--`.
  const separator = wrapperSeparator(args.map((a) => a.text));
  const wrapped = separator >= 0;
  if (wrapped) args.splice(0, separator + 1);
  const first: Range = args[0] ? { start: args[0].start, end: args[0].end } : { start: 0, end: 0 };
  const invocation: DnsmasqInvocation = {
    workload: { kind: 'argv', annotations: {}, kindRange: first },
    containerRange: first,
    launcher: wrapped ? 'wrapper' : 'direct',
    args,
    insertion: rawInsertion(text, args),
    tolerant: false,
  };
  return { text, invocations: [invocation], configMaps: [], parseProblems: [] };
}

function rawInsertion(text: string, args: readonly ManifestArg[]): ArgInsertion {
  const separator = args.length > 1 && /[\r\n]/.test(text.slice(args[0]!.end, args[1]!.start)) ? (text.includes('\r\n') ? '\r\n' : '\n') : ' ';
  return {
    append(words): TextEdit {
      const last = args[args.length - 1];
      if (!last) return { start: text.length, end: text.length, newText: words.join(separator) };
      return { start: last.end, end: last.end, newText: words.map((w) => separator + w).join('') };
    },
    replace(arg, newWord): TextEdit {
      return { start: arg.start, end: arg.end, newText: newWord };
    },
    remove(arg): TextEdit {
      const i = args.indexOf(arg);
      const before = args[i - 1];
      if (before) return { start: before.end, end: arg.end, newText: '' };
      const after = args[i + 1];
      return { start: arg.start, end: after ? after.start : arg.end, newText: '' };
    },
  };
}
