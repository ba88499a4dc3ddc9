import type { Node, Scalar, YAMLMap } from 'yaml';
import { classifyContainer, onlyNameSaysDnsmasq } from './container-kind.js';
import { readsAsDnsmasqArgv } from './wrapper-shape.js';
import { decodingSource, readWordList, WordList } from './container-words.js';
import { expandsToWords, itemWord, locateDnsmasq, shellWord, type FoundDnsmasq, type PlacedWord } from './find-dnsmasq.js';
import { basename } from './shell-dnsmasq.js';
import type { MountedConfig, WorkloadRef } from './model.js';
import { shellTokens } from './shell-words.js';
import { decodeNode, isAlias, isMap, isScalar, isSeq, mapGet, nodeRange, seqItems, stringAt, type ChunkSource } from './yaml-nodes.js';

/*
 * Docker Compose services. A service is a container whose `entrypoint` replaces the image's ENTRYPOINT (Kubernetes'
 * `command`) and whose `command` replaces its CMD (Kubernetes' `args`). Either may be a list, or a string that
 * Compose splits into words as a shell would (without running a shell: no operators, no expansion but its own).
 */

/** The kind shown for a Compose service. */
export const COMPOSE_KIND = 'compose service';

export interface ComposeService {
  readonly workload: WorkloadRef;
  /** The service's mapping. */
  readonly node: YAMLMap;
  /** The service's key (its name), where service-level findings are reported. */
  readonly keyNode: Node;
}

/** Keys only a Compose service has: they tell a version-1 file (services at the top level) from other YAML. */
const SERVICE_KEYS = ['command', 'entrypoint', 'ports', 'volumes', 'cap_add', 'restart', 'network_mode', 'container_name', 'depends_on'];

function isService(node: unknown): node is YAMLMap {
  const image = isMap(node) && (isScalar(mapGet(node, 'image')) || mapGet(node, 'build') !== undefined);
  return image && SERVICE_KEYS.some((k) => mapGet(node as YAMLMap, k) !== undefined);
}

/** The services of a Compose file (`services:`, or a version-1 file's top-level services); none for a Kubernetes object. */
export function composeServices(src: ChunkSource, root: unknown): ComposeService[] {
  if (!isMap(root) || mapGet(root, 'kind') !== undefined || mapGet(root, 'apiVersion') !== undefined) return [];
  const services = mapGet(root, 'services');
  const holder = isMap(services) ? services : root;
  const out: ComposeService[] = [];
  for (const pair of (holder as YAMLMap).items) {
    const key = pair.key as Node | null;
    if (!key || !isScalar(key) || !isService(pair.value)) continue;
    const keyRange = nodeRange(src, key);
    out.push({
      workload: { kind: COMPOSE_KIND, name: stringAt(src, key), annotations: {}, kindRange: keyRange },
      node: pair.value,
      keyNode: key,
    });
  }
  return out;
}

/** A string `command:`/`entrypoint:` as Compose splits it, each word placed inside the scalar; undefined when a shell would be needed. */
function stringWords(src: ChunkSource, scalar: Scalar, key: 'command' | 'args'): PlacedWord[] | undefined {
  const range = nodeRange(src, scalar);
  const decoded = decodeNode(src, scalar);
  const list = new WordList(key, false, decodingSource(src));
  const item = list.addItem(range.start, range.end, scalar.type ?? 'PLAIN', decoded)!;
  list.seal();
  // A template tag may hold blanks, and Compose would split it: leave such a string to a rendered file.
  if (/\{\{|\{%|<%/.test(decoded.value)) return undefined;
  const words: PlacedWord[] = [];
  for (const t of shellTokens(decoded.value)) {
    if (t.kind === 'operator' && t.text === '\n') continue; // a line break of a block scalar is a blank to Compose
    if (t.kind !== 'word') return undefined;
    // Compose fills in $VAR from its environment before it splits: such a word may become several, or none.
    if (expandsToWords(decoded.value.slice(t.start, t.end))) return undefined;
    words.push(shellWord(item, t.word, t.start, t.end));
  }
  return words;
}

/**
 * Words that read as a dnsmasq argv with nothing to guess: long options dnsmasq has, or `-X` alone, each value
 * attached or right after a short option. (`-notify` of a config generator reads as a cluster of dnsmasq letters.)
 */
function plainlyDnsmasqArgv(values: readonly string[]): boolean {
  if (!readsAsDnsmasqArgv(values)) return false;
  return values.every((w, i) => (w.startsWith('--') ? true : w.startsWith('-') ? w.length === 2 : /^-.$/.test(values[i - 1] ?? '')));
}

/** How and whether a Compose service runs dnsmasq. */
export function findComposeDnsmasq(src: ChunkSource, service: ComposeService): FoundDnsmasq | undefined {
  const entrypointNode = mapGet(service.node, 'entrypoint');
  const commandNode = mapGet(service.node, 'command');
  const image = stringAt(src, mapGet(service.node, 'image'));
  const name = service.workload.name;
  const listsOnly = (n: Node | undefined): boolean => n === undefined || isSeq(isAlias(n) ? src.resolveAlias?.(n) : n);
  // With no entrypoint, the command of an image that is not dnsmasq's (or of one built here) may name the program.
  const imageIsDnsmasq = ['dnsmasq', 'nanny'].includes(classifyContainer(image, undefined));
  const namesProgram = (words: readonly PlacedWord[]): boolean =>
    entrypointNode === undefined && !imageIsDnsmasq && words[0] !== undefined && isDnsmasqProgram(words[0]);
  if (listsOnly(entrypointNode) && listsOnly(commandNode)) {
    const command = readWordList(src, service.node, 'args', 'command');
    if (command && namesProgram(command.words.map(itemWord))) return locateDnsmasq(command, undefined, image, name);
    return locateDnsmasq(readWordList(src, service.node, 'command', 'entrypoint'), command, image, name);
  }
  // A string entrypoint or command: only the plain cases, dnsmasq's own words with no shell in between.
  const entryWords = wordsOf(src, service.node, entrypointNode, 'command', 'entrypoint');
  const commandWords = wordsOf(src, service.node, commandNode, 'args', 'command');
  if (!entryWords || !commandWords) return undefined;
  if (entryWords.length > 0 || namesProgram(commandWords)) {
    const program = entryWords[0] ?? commandWords[0]!;
    if (!isDnsmasqProgram(program)) return undefined;
    const words = [...entryWords.slice(1), ...commandWords].filter((w) => w !== program);
    return { launcher: 'direct', words, anchor: words[words.length - 1] ?? program, needsSeparator: false };
  }
  if (entrypointNode !== undefined || !isScalar(commandNode) || classifyContainer(image, name) !== 'dnsmasq') return undefined;
  const words = commandWords;
  if (words.length === 0) return undefined;
  // A service merely named after dnsmasq (a config generator beside it) runs dnsmasq only if its words read as dnsmasq's.
  const values = words.map((w) => w.decoded.value);
  if (onlyNameSaysDnsmasq(image, name) ? !plainlyDnsmasqArgv(values) : !values[0]!.startsWith('-')) return undefined;
  return { launcher: 'direct', words, anchor: words[words.length - 1]!, needsSeparator: false };
}

const isDnsmasqProgram = (word: PlacedWord): boolean => basename(word.decoded.value) === 'dnsmasq';

/** The words of an `entrypoint:`/`command:` list or string; none when it is absent, undefined when it cannot be read. */
function wordsOf(src: ChunkSource, service: YAMLMap, node: Node | undefined, key: 'command' | 'args', yamlKey: string): PlacedWord[] | undefined {
  if (node === undefined) return [];
  if (isScalar(node)) return stringWords(src, node as Scalar, key);
  return readWordList(src, service, key, yamlKey)?.words.map(itemWord);
}

/** `./dnsmasq.conf:/etc/dnsmasq.conf:ro` and `{ target: /etc/dnsmasq.d }`: configuration dnsmasq reads besides its args. */
export function composeMountedConfig(src: ChunkSource, service: ComposeService): MountedConfig[] {
  const out: MountedConfig[] = [];
  for (const volume of seqItems(mapGet(service.node, 'volumes'))) {
    let target: string | undefined;
    let node: Node | undefined;
    if (isScalar(volume)) {
      const parts = (stringAt(src, volume) ?? '').split(':');
      target = parts.length >= 2 ? parts[1] : parts[0];
      node = volume as Node;
    } else if (isMap(volume)) {
      node = mapGet(volume, 'target');
      target = stringAt(src, node);
    }
    if (target === undefined || !node || !/(^|\/)dnsmasq(\.conf|\.d)(\/|$)/.test(target)) continue;
    out.push({ mountPath: target, range: nodeRange(src, node) });
  }
  return out;
}

