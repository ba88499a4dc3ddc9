import { accessSync, constants, statSync } from 'node:fs';
import type { ArgvVerdict } from '@kube-dns-tools/core/dnsmasq/check';
import type { ParsedArgv, ParsedOption } from '@kube-dns-tools/core/dnsmasq/parsed-argv';

const REASONS: Record<string, string> = {
  ENOENT: 'No such file or directory',
  EACCES: 'Permission denied',
  ENOTDIR: 'Not a directory',
  ELOOP: 'Too many levels of symbolic links',
};

function reason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code ?? '';
  return REASONS[code] ?? code;
}

function refusal(option: ParsedOption, message: string, token: string, explanation: string): ArgvVerdict {
  return { ok: false, message, token, explanation, tokenIndex: option.valueTokenIndex ?? option.tokenIndex };
}

/**
 * dnsmasq opens each --conf-dir directory (the part before the first comma) while it reads the command line,
 * so the first one it cannot open stops it (exit 3: `cannot access directory PATH: REASON`) unless an earlier
 * option was refused already: only conf-dirs before `beforeTokenIndex` are looked at.
 */
export function unreadableConfDir(parsed: ParsedArgv, beforeTokenIndex = Infinity): ArgvVerdict | undefined {
  for (const option of parsed.options) {
    if (option.spec.long !== 'conf-dir' || option.tokenIndex >= beforeTokenIndex) continue;
    const dir = (option.value ?? '').split(',')[0] ?? '';
    if (dir === '') continue;
    try {
      if (!statSync(dir).isDirectory()) throw Object.assign(new Error(), { code: 'ENOTDIR' });
      accessSync(dir, constants.R_OK | constants.X_OK);
    } catch (err) {
      const explanation = `${option.spelled} names a directory dnsmasq cannot open, so it refuses to start.`;
      return refusal(option, `cannot access directory ${dir}: ${reason(err)}`, option.value ?? '', explanation);
    }
  }
  return undefined;
}

/**
 * dnsmasq reads every --conf-file once the command line is accepted and stops at the first it cannot read
 * (exit 3: `cannot read PATH: REASON`). A pure argv check cannot see that, so the CLI looks at the disk.
 */
export function unreadableConfFile(parsed: ParsedArgv): ArgvVerdict | undefined {
  for (const option of parsed.options) {
    if (option.spec.long !== 'conf-file' || !option.value) continue;
    try {
      accessSync(option.value, constants.R_OK);
    } catch (err) {
      const explanation = `${option.spelled} names a file dnsmasq cannot read, so it refuses to start.`;
      return refusal(option, `cannot read ${option.value}: ${reason(err)}`, option.value, explanation);
    }
  }
  return undefined;
}
