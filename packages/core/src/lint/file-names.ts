/** Which files are what, by name: the lint engine chooses its reader by it, the CLI's directory walk what to lint. */

import { isTemplateFileName } from '../text/placeholders.js';
import { isStandaloneCorefileName } from '../manifest/find-corefiles.js';

const MANIFEST_SUFFIXES: readonly string[] = ['.yaml', '.yml', '.json'];

/** `dnsmasq.conf`, `01-kube-dns.conf`, templates of them (`.conf.j2`, `.conf.tpl`, ...) and the copies projects ship
 *  to be copied into place (`dnsmasq.conf.example`, `.sample`, `.dist`, `.default`). */
export function isConfFileName(filePath: string | undefined): boolean {
  if (!filePath) return false;
  return /\.conf(?:\.(?:example|sample|dist|default))?$/i.test(filePath) || (isTemplateFileName(filePath) && /\.conf\.[^./]+$/i.test(filePath));
}

/** Files holding a bare dnsmasq argv (words separated by blanks or newlines), e.g. `snippet.args.txt`. */
export function isRawArgvFile(filePath: string | undefined): boolean {
  return !!filePath && /\.(?:args|argv)(?:\.txt)?$/i.test(filePath);
}

/** Whether a directory walk lints a file of this name: manifests, templates, dnsmasq conf and bare-argv files. */
export function isLintableFileName(name: string): boolean {
  const lower = name.toLowerCase();
  return MANIFEST_SUFFIXES.some((s) => lower.endsWith(s)) || isTemplateFileName(name) || isConfFileName(name) || isRawArgvFile(name) || isStandaloneCorefileName(name);
}

/** What a directory walk looks for, for the message when it finds nothing. */
export function describeLintableNames(): string {
  return `${MANIFEST_SUFFIXES.join(', ')}, .conf, .args, Corefile and templates such as .j2, .tpl, .template, .in, .sed`;
}
