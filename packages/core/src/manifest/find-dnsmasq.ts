import type { Node } from 'yaml';
import { basename, findShellDnsmasq } from './shell-dnsmasq.js';
import { sourceOffset, type DecodedText } from '../text/decoded-text.js';
import { classifyContainer, isNannyFlag, onlyNameSaysDnsmasq } from './container-kind.js';
import { readWordList, type ListWord, type ReadWords } from './container-words.js';
import { distinctlyDnsmasqArgv, readsAsDnsmasqArgv, wrapperSeparator } from './wrapper-shape.js';
import { mapGet, stringAt, type ChunkSource } from './yaml-nodes.js';

/** Where one dnsmasq word lives: a list item, or a word inside a `sh -c` script item. */
export type WordPlace =
  | { readonly kind: 'item'; readonly item: ListWord }
  | { readonly kind: 'shell'; readonly script: ListWord; readonly start: number; readonly end: number };

export interface PlacedWord {
  /** The word with absolute source offsets. */
  readonly decoded: DecodedText;
  readonly place: WordPlace;
}

/** A dnsmasq command line found in a container, before the template layer looks at it. */
export interface FoundDnsmasq {
  readonly launcher: 'direct' | 'nanny' | 'wrapper' | 'shell';
  /** A wrapper's own flags, before its `--`. */
  readonly wrapperFlags?: readonly string[];
  readonly words: readonly PlacedWord[];
  /** The word after which new arguments go when `words` is empty (program name, nanny `--`, ...). */
  readonly anchor?: PlacedWord;
  /** A nanny that has no `--` yet: appending must add one. */
  readonly needsSeparator: boolean;
  /** A word is an expansion the shell splits into any number of words (`$DNSMASQ_OPTS`, `"$@"`): options are hidden. */
  readonly wordsHidden?: true;
}

/**
 * Nothing but an unquoted parameter expansion, `"$@"`, or a template tag (`{{ args | join(' ') }}`, a conditional):
 * the shell (or Compose, or the template) makes any number of words of it.
 */
export function expandsToWords(raw: string): boolean {
  return /^(?:\$(?:[A-Za-z_][A-Za-z0-9_]*|[@*])|\$\{[^}]*\}|"\$(?:@|\{@\})"|\{\{[\s\S]*\}\}|\{%[\s\S]*%\}|<%[\s\S]*%>)$/.test(raw);
}

const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'ksh', 'zsh', 'busybox']);
const NANNY_PROGRAM = /dnsmasq[-_]?nanny$/;

export function itemWord(item: ListWord): PlacedWord {
  return { decoded: item.decoded, place: { kind: 'item', item } };
}

/** Shell word offsets are script indexes; turn them into source offsets through the script item. */
export function shellWord(script: ListWord, word: DecodedText, start: number, end: number): PlacedWord {
  const last = script.decoded.value.length;
  const offsets = Array.from(word.offsets, (i) => sourceOffset(script.decoded, Math.min(i, last)));
  return { decoded: { value: word.value, offsets }, place: { kind: 'shell', script, start, end } };
}

function fromShell(items: readonly ListWord[]): FoundDnsmasq | undefined {
  // `sh -c`, `bash -ec`, `sh -xc`: the word after the option cluster holding `c` is the script.
  const c = items.findIndex((w, i) => i > 0 && /^-[a-z]*c[a-z]*$/.test(w.decoded.value));
  const script = c < 0 ? undefined : items[c + 1];
  if (!script) return undefined;
  const found = findShellDnsmasq(script.decoded.value);
  if (!found) return undefined;
  const { program } = found;
  const hidden = found.args.some((w) => expandsToWords(script.decoded.value.slice(w.start, w.end)));
  return {
    launcher: 'shell',
    words: found.args.map((w) => shellWord(script, w.word, w.start, w.end)),
    anchor: shellWord(script, program.word, program.start, program.end),
    needsSeparator: false,
    ...(hidden ? { wordsHidden: true as const } : {}),
  };
}

function fromNanny(items: readonly ListWord[], launcher: 'nanny' | 'wrapper' = 'nanny'): FoundDnsmasq {
  const separator = items.findIndex((w) => w.decoded.value === '--');
  if (separator < 0) {
    const last = items[items.length - 1];
    return { launcher, words: [], needsSeparator: true, ...(last ? { anchor: itemWord(last) } : {}) };
  }
  return {
    launcher,
    ...(launcher === 'wrapper' ? { wrapperFlags: items.slice(0, separator).map((w) => w.decoded.value) } : {}),
    words: items.slice(separator + 1).map(itemWord),
    anchor: itemWord(items[separator]!),
    needsSeparator: false,
  };
}

/** Without a nanny image to say so, a `--` preceded only by nanny flags means the nanny. */
function looksLikeNanny(items: readonly ListWord[]): boolean {
  const separator = items.findIndex((w) => w.decoded.value === '--');
  return separator > 0 && items.slice(0, separator).every((w) => isNannyFlag(w.decoded.value));
}

/** Init processes that start the program named after their own flags: `tini -g -- dnsmasq -k`, `dumb-init dnsmasq`. */
const INIT_PROGRAM = /^(tini(-static)?|dumb-init|catatonit|docker-init)$/;
/** Their flags that take a value (`tini -p SIGTERM`, `dumb-init -r 15:2`). */
const INIT_FLAG_WITH_VALUE = /^(-p|-e|-r|--rewrite)$/;

/** Index in `words` of the dnsmasq program an init process starts, or -1. */
function afterInit(words: readonly ListWord[]): number {
  let i = 0;
  while (i < words.length && words[i]!.decoded.value.startsWith('-') && words[i]!.decoded.value !== '--') {
    i += INIT_FLAG_WITH_VALUE.test(words[i]!.decoded.value) ? 2 : 1;
  }
  if (words[i]?.decoded.value === '--') i++;
  return i < words.length && basename(words[i]!.decoded.value) === 'dnsmasq' ? i : -1;
}

/** Any image: `CONTROLLER-FLAGS -- DNSMASQ-ARGS` where the words after `--` read as a dnsmasq argv. */
function isWrapper(items: readonly ListWord[]): boolean {
  return wrapperSeparator(items.map((w) => w.decoded.value)) >= 0;
}

/** Decides from a container's `command`, `args`, image and name whether and how it runs dnsmasq. */
export function locateDnsmasq(
  command: ReadWords | undefined,
  args: ReadWords | undefined,
  image: string | undefined,
  name: string | undefined,
): FoundDnsmasq | undefined {
  const commandWords = command?.words ?? [];
  const argWords = args?.words ?? [];
  const program = commandWords[0];

  if (program) {
    const programName = basename(program.decoded.value);
    const rest = [...commandWords.slice(1), ...argWords];
    if (programName === 'dnsmasq') return { launcher: 'direct', words: rest.map(itemWord), anchor: itemWord(program), needsSeparator: false };
    const launched = INIT_PROGRAM.test(programName) ? afterInit(rest) : -1;
    if (launched >= 0) return { launcher: 'direct', words: rest.slice(launched + 1).map(itemWord), anchor: itemWord(rest[launched]!), needsSeparator: false };
    if (NANNY_PROGRAM.test(programName)) return fromNanny(rest);
    if (SHELLS.has(programName)) return fromShell(commandWords.concat(argWords));
    return isWrapper(rest) ? fromNanny(rest, 'wrapper') : undefined;
  }

  // No image, command or args: a patch (kustomize's strategic merge) that changes something else of a container
  // defined elsewhere, whose command line it does not show.
  if (!image && !command && !args) return undefined;
  const kind = classifyContainer(image, name);
  // An image that is not dnsmasq, in a container merely named so, runs dnsmasq only if its args read as dnsmasq's.
  if (kind !== 'other' && onlyNameSaysDnsmasq(image, name) && !readsAsDnsmasqArgv(argWords.map((w) => w.decoded.value))) {
    return isWrapper(argWords) ? fromNanny(argWords, looksLikeNanny(argWords) ? 'nanny' : 'wrapper') : undefined;
  }
  if (kind === 'nanny' || (kind === 'dnsmasq' && looksLikeNanny(argWords))) return fromNanny(argWords);
  if (isWrapper(argWords)) return fromNanny(argWords, looksLikeNanny(argWords) ? 'nanny' : 'wrapper');
  if (kind === 'dnsmasq' || (kind === 'unknown' && distinctlyDnsmasqArgv(argWords.map((w) => w.decoded.value)))) {
    const last = argWords[argWords.length - 1];
    return { launcher: 'direct', words: argWords.map(itemWord), needsSeparator: false, ...(last ? { anchor: itemWord(last) } : {}) };
  }
  return undefined;
}

export function findDnsmasq(src: ChunkSource, container: Node): FoundDnsmasq | undefined {
  return locateDnsmasq(
    readWordList(src, container, 'command'),
    readWordList(src, container, 'args'),
    stringAt(src, mapGet(container, 'image')),
    stringAt(src, mapGet(container, 'name')),
  );
}
