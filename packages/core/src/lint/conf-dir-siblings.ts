import { basename, dirname, join } from 'node:path';
import { looksLikeDnsmasqConf, readDnsmasqConf } from '../manifest/conf-file-reader.js';
import { InvocationFacts } from './invocation-facts.js';
import { serverRoutes, upstreamsOf } from './upstream-sources.js';

/** Another file of a conf file's folder, as the host read it: `text` is undefined when it could not be read. */
export interface ConfSibling {
  readonly name: string;
  readonly text?: string;
}

/** What the folder of a conf fragment says about its servers, and the domains its siblings route. */
export interface ConfDirServers {
  readonly servers: 'named' | 'none' | 'unknown';
  readonly routed: readonly string[];
  /** Options (long names) a sibling read as dnsmasq conf gives in every rendering: they complete the fragment. */
  readonly options?: readonly string[];
}

/** The host's view of the disk; core never opens a file itself. */
export interface ConfDirFileSystem {
  /** The names in a folder (regular files only), or undefined when it cannot be listed. */
  listFiles(dir: string): readonly string[] | undefined;
  /** The file's text, or undefined when it cannot be read (or is too large to be a conf file). */
  readFile(path: string): string | undefined;
}

/** More files than this in one folder is not a conf-dir anyone judges by eye: the folder is not judged. */
const MAX_SIBLINGS = 64;

/**
 * Whether dnsmasq's `--conf-dir` reads a file of this name: it skips names ending in `~`, starting with `.`, and
 * `#...#` (editor leftovers). Extension filters (`--conf-dir=DIR,*.conf`) belong to the loading option, which is
 * not in view, so every other name counts.
 */
export function isConfDirEntry(name: string): boolean {
  return name !== '' && !name.endsWith('~') && !name.startsWith('.') && !(name.length > 1 && name.startsWith('#') && name.endsWith('#'));
}

/**
 * The files that complete the conf fragment at `filePath`: the other entries of its folder, and, for a `*.d`
 * folder (loaded by a main conf outside it), the parent folder's `dnsmasq.conf`, named `../dnsmasq.conf` and
 * left unread when missing, so that a folder whose main conf is out of view is never judged.
 * Undefined when the folder cannot be listed or holds too many files.
 */
export function readConfDirSiblings(filePath: string, fs: ConfDirFileSystem): ConfSibling[] | undefined {
  const dir = dirname(filePath);
  const names = fs.listFiles(dir);
  if (!names) return undefined;
  const own = basename(filePath);
  const others = names.filter((n) => n !== own && isConfDirEntry(n)).sort();
  if (others.length > MAX_SIBLINGS) return undefined;
  const siblings: ConfSibling[] = others.map((name) => ({ name, ...optionalText(fs.readFile(join(dir, name))) }));
  if (/\.d$/i.test(basename(dir))) siblings.push({ name: '../dnsmasq.conf', ...optionalText(fs.readFile(join(dirname(dir), 'dnsmasq.conf'))) });
  return siblings;
}

function optionalText(text: string | undefined): { text?: string } {
  return text === undefined ? {} : { text };
}

/**
 * Whether the siblings of a fragment give dnsmasq its servers: `named` when one of them does (a default server,
 * a resolv file, a servers-file, D-Bus/ubus, or configuration read from elsewhere), `none` when every one was read
 * as a dnsmasq conf file and none does, `unknown` otherwise (no siblings, one unreadable, not dnsmasq conf, or
 * templated): a fragment is only judged when its whole folder is.
 */
export function confDirServers(siblings: readonly ConfSibling[] | undefined): ConfDirServers {
  if (!siblings || siblings.length === 0) return { servers: 'unknown', routed: [] };
  let judged = true;
  let named = false;
  const routed: string[] = [];
  const options = new Set<string>();
  for (const sibling of siblings) {
    if (sibling.text === undefined || !looksLikeDnsmasqConf(sibling.text)) {
      judged = false;
      continue;
    }
    const invocation = readDnsmasqConf(sibling.text, sibling.name).invocations[0];
    if (!invocation) continue;
    const facts = new InvocationFacts(invocation, sibling.text);
    for (const option of facts.argv.options) if (!facts.conditional(option) && !facts.nameTemplated(option)) options.add(option.spec.long);
    const upstreams = upstreamsOf(facts);
    if (upstreams === 'given') named = true;
    if (upstreams === 'unknown') judged = false;
    routed.push(...serverRoutes(facts).routed);
  }
  const given = [...options].sort();
  if (named) return { servers: 'named', routed: [], options: given };
  return { servers: judged ? 'none' : 'unknown', routed: judged ? routed : [], options: given };
}
