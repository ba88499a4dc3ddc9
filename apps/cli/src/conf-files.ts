import { accessSync, constants } from 'node:fs';
import type { ArgvVerdict } from '@kube-dns-tools/core/dnsmasq/check';
import type { ParsedArgv } from '@kube-dns-tools/core/dnsmasq/parsed-argv';

const REASONS: Record<string, string> = {
  ENOENT: 'No such file or directory',
  EACCES: 'Permission denied',
  ENOTDIR: 'Not a directory',
  ELOOP: 'Too many levels of symbolic links',
};

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
      const code = (err as NodeJS.ErrnoException).code ?? '';
      return {
        ok: false,
        message: `cannot read ${option.value}: ${REASONS[code] ?? code}`,
        token: option.value,
        explanation: `${option.spelled} names a file dnsmasq cannot read, so it refuses to start.`,
        tokenIndex: option.valueTokenIndex ?? option.tokenIndex,
      };
    }
  }
  return undefined;
}
