import { parseArgv } from './argv/argv.js';
import { checkArgv, type ArgvVerdict } from './check.js';
import type { ParsedArgv, ParsedOption } from './argv/parsed-argv.js';

/** What dnsmasq looks at on the machine while it starts, for faces to answer from the real disk (node-dnsmasq-host.ts) or any other. */
export interface DnsmasqHost {
  /** Whether an interface of that name exists, as dnsmasq checks `%scope` (if_nametoindex) while parsing. */
  interfaceExists(name: string): boolean;
  /** Why dnsmasq could not open the directory to read it (`No such file or directory`, ...), or undefined when it can. */
  directoryProblem(path: string): string | undefined;
  /** Why dnsmasq could not read the file, or undefined when it can. */
  fileProblem(path: string): string | undefined;
}

/**
 * The verdict `dnsmasq --test` gives on this host, in dnsmasq 2.90's order: options in argv order (checkArgv), with
 * each --conf-dir opened while the command line is read, so the first one that cannot be opened wins unless an
 * earlier option was refused (junk words are judged after every option); then, once the argv is accepted, each
 * --conf-file read in turn.
 */
export function checkArgvOnHost(words: readonly string[], host: DnsmasqHost, parsed: ParsedArgv = parseArgv(words)): ArgvVerdict {
  const verdict = checkArgv(words, { parsed, interfaceExists: (name) => host.interfaceExists(name) });
  const refusedAt = verdict.ok || verdict.message === 'junk found in command line' ? Infinity : (verdict.tokenIndex ?? Infinity);
  const confDir = unreadableConfDir(parsed, host, refusedAt);
  if (confDir) return confDir;
  return verdict.ok ? (unreadableConfFile(parsed, host) ?? verdict) : verdict;
}

function refusal(option: ParsedOption, message: string, token: string, explanation: string): ArgvVerdict {
  return { ok: false, message, token, explanation, tokenIndex: option.valueTokenIndex ?? option.tokenIndex };
}

/** dnsmasq exits 3 with `cannot access directory PATH: REASON` at the first --conf-dir (the part before a comma) it cannot open. */
function unreadableConfDir(parsed: ParsedArgv, host: DnsmasqHost, beforeTokenIndex: number): ArgvVerdict | undefined {
  for (const option of parsed.options) {
    if (option.spec.long !== 'conf-dir' || option.tokenIndex >= beforeTokenIndex) continue;
    const dir = (option.value ?? '').split(',')[0] ?? '';
    if (dir === '') continue;
    const problem = host.directoryProblem(dir);
    if (problem === undefined) continue;
    const explanation = `${option.spelled} names a directory dnsmasq cannot open, so it refuses to start.`;
    return refusal(option, `cannot access directory ${dir}: ${problem}`, option.value ?? '', explanation);
  }
  return undefined;
}

/** dnsmasq exits 3 with `cannot read PATH: REASON` at the first --conf-file it cannot read. */
function unreadableConfFile(parsed: ParsedArgv, host: DnsmasqHost): ArgvVerdict | undefined {
  for (const option of parsed.options) {
    if (option.spec.long !== 'conf-file' || !option.value) continue;
    const problem = host.fileProblem(option.value);
    if (problem === undefined) continue;
    const explanation = `${option.spelled} names a file dnsmasq cannot read, so it refuses to start.`;
    return refusal(option, `cannot read ${option.value}: ${problem}`, option.value, explanation);
  }
  return undefined;
}
