import type { TextEdit } from '../text/text-edit.js';
import type { WordList } from './container-words.js';
import type { FoundDnsmasq, PlacedWord } from './find-dnsmasq.js';
import { insertAfterItem, removeItem, replaceItem, siblingStyle } from './list-edits.js';
import type { ArgInsertion, ManifestArg } from './model.js';
import { appendInScript, removeFromScript, replaceInScript } from './shell-edits.js';

/** The container's mapping (kept for readers; a fix never adds an `args:` key to it). */
export interface ContainerShape {
  readonly flow: boolean;
  /** Offset of the container's first key. */
  readonly firstKeyStart: number;
  /** End of the container's last value. */
  readonly lastValueEnd: number;
}

/** Why nothing can be appended to a container without `command`/`args`. */
export const NO_ARGS_KEY =
  'the container has no args, and adding an args: key would replace the arguments its image already passes (a repeated flag stops dnsmasq), so add it by hand where the image takes it';

/** The same for a Compose service, whose `command:` is what Kubernetes calls args. */
export const NO_COMMAND_KEY =
  'the service has no command, and adding a command: key would replace the arguments its image already passes (a repeated flag stops dnsmasq), so add it by hand where the image takes it';

/** Why nothing is appended to a list shared through a YAML anchor. */
export const SHARED_LIST =
  'the list is shared through a YAML anchor (&name / *name), and a flag added to it would also change every other list that aliases it, so add it by hand where each should have it';

/** Why nothing can be appended when every argument is inside a template conditional. */
export const ALL_CONDITIONAL =
  'every argument sits inside a template conditional, and a flag added there would be missing from the other renderings, so add it by hand outside the conditional';

function listOf(word: PlacedWord): WordList {
  return word.place.kind === 'item' ? word.place.item.list : word.place.script.list;
}

function appendAfter(text: string, anchor: PlacedWord, words: readonly string[]): TextEdit {
  const { place } = anchor;
  if (place.kind === 'shell') return appendInScript(place.script, place.end, words);
  return insertAfterItem(text, place.item, words, siblingStyle(place.item.list, place.item));
}

/**
 * The words' places, kept small: a list word is its list and its position there, made again when an edit asks
 * (the reader's word objects cost 250 bytes each, for as long as the file is linted); `sh -c` words stay as found.
 */
function compactPlaces(words: readonly PlacedWord[]): (i: number) => PlacedWord | undefined {
  const lists: WordList[] = [];
  const listOf = new Int16Array(words.length);
  const atOf = new Int32Array(words.length);
  const kept = new Map<number, PlacedWord>();
  words.forEach((word, i) => {
    const { place } = word;
    if (place.kind !== 'item') {
      kept.set(i, word);
      listOf[i] = -1;
      return;
    }
    // A container has two lists at most (command, args).
    let l = lists.indexOf(place.item.list);
    if (l < 0) l = lists.push(place.item.list) - 1;
    listOf[i] = l;
    atOf[i] = place.item.at;
  });
  return (i) => {
    if (i < 0 || i >= listOf.length) return undefined;
    const l = listOf[i]!;
    if (l < 0) return kept.get(i);
    const item = lists[l]!.word(atOf[i]!);
    return { decoded: item.decoded, place: { kind: 'item', item } };
  };
}

export function makeInsertion(
  text: string,
  found: FoundDnsmasq,
  args: readonly ManifestArg[],
  _container: ContainerShape,
  /** `found.anchor` sits inside a template conditional. */
  anchorConditional = false,
  /** Why a workload without arguments gets none appended (a Compose service says command:). */
  noArgsNote: string = NO_ARGS_KEY,
): ArgInsertion {
  const wordAt = compactPlaces(found.words);
  const placeOf = (arg: ManifestArg): PlacedWord => {
    const i = args.findIndex((a) => a === arg || (a.start === arg.start && a.end === arg.end && a.text === arg.text));
    const placed = i < 0 ? undefined : wordAt(i);
    if (!placed) throw new Error(`the argument "${arg.text}" at ${arg.start} is not one of this dnsmasq invocation's arguments`);
    return placed;
  };

  // After the last word that is always there (never into a template conditional), else after the program name or
  // the nanny's `--`. Inside a conditional a new flag would be missing from the other renderings: no place then.
  let anchor: PlacedWord | undefined;
  for (let i = found.words.length - 1; i >= 0 && !anchor; i--) if (!args[i]!.conditional) anchor = found.words[i];
  if (!anchor && found.anchor && !anchorConditional) anchor = found.anchor;
  // The list a flag would go into is shared through a YAML anchor: the flag would reach every list aliasing it.
  const shared = anchor !== undefined && listOf(anchor).shared;
  if (shared) anchor = undefined;
  const cannotAppend = anchor ? undefined : shared ? SHARED_LIST : found.words.length === 0 && !found.anchor ? noArgsNote : ALL_CONDITIONAL;
  const needsSeparator = found.needsSeparator;
  return {
    append(words) {
      if (!anchor) throw new Error(cannotAppend);
      return appendAfter(text, anchor, needsSeparator ? ['--', ...words] : [...words]);
    },
    ...(cannotAppend ? { cannotAppend } : {}),
    replace(arg, newWord) {
      const { place } = placeOf(arg);
      if (place.kind === 'shell') return replaceInScript(place.script, place.start, place.end, newWord);
      return replaceItem(place.item, newWord);
    },
    remove(arg) {
      const { place } = placeOf(arg);
      if (place.kind === 'shell') return removeFromScript(place.script, place.start, place.end);
      return removeItem(text, place.item);
    },
  };
}
