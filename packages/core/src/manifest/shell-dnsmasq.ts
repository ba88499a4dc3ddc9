import { shellTokens, type ShellToken } from './shell-words.js';

type WordToken = Extract<ShellToken, { kind: 'word' }>;

/** The dnsmasq command found in a shell script: the program word and its argument words. */
export interface ShellDnsmasq {
  readonly program: WordToken;
  readonly args: readonly WordToken[];
}

/** Words that run the command after them: `exec dnsmasq`, `nohup dnsmasq`, `env A=1 dnsmasq`. */
const PREFIX_COMMANDS = new Set(['exec', 'command', 'nohup', 'env', '/usr/bin/env', 'then', 'do', 'else', '{', '!', 'time']);
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;

export function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** Splits the tokens into simple commands (separated by control operators). */
function simpleCommands(tokens: readonly ShellToken[]): ShellToken[][] {
  const commands: ShellToken[][] = [[]];
  for (const t of tokens) {
    if (t.kind === 'operator') commands.push([]);
    else commands[commands.length - 1]!.push(t);
  }
  return commands;
}

/** Argument words of a simple command: redirections and their targets are not arguments. */
function argumentWords(tokens: readonly ShellToken[]): WordToken[] {
  const words: WordToken[] = [];
  let skipNext = false;
  for (const t of tokens) {
    if (t.kind === 'redirect') skipNext = true;
    else if (t.kind === 'word') {
      if (!skipNext) words.push(t);
      skipNext = false;
    }
  }
  return words;
}

export function findShellDnsmasq(script: string): ShellDnsmasq | undefined {
  for (const command of simpleCommands(shellTokens(script))) {
    const words = argumentWords(command);
    let i = 0;
    while (i < words.length && (PREFIX_COMMANDS.has(words[i]!.word.value) || ASSIGNMENT.test(words[i]!.word.value))) i++;
    const program = words[i];
    if (program && basename(program.word.value) === 'dnsmasq') return { program, args: words.slice(i + 1) };
  }
  return undefined;
}
