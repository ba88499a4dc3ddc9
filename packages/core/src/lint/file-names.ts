/** Which files are what, by name: the lint engine chooses its reader by it, the CLI's directory walk what to lint. */

/** Endings of templates that render to a manifest or a conf file (`kube-dns.yaml.j2`, `01-kube-dns.conf.tpl`). */
export const TEMPLATE_SUFFIXES: readonly string[] = ['.j2', '.jinja', '.jinja2', '.tpl', '.tmpl', '.template', '.base', '.in', '.sed', '.erb'];

const MANIFEST_SUFFIXES: readonly string[] = ['.yaml', '.yml', '.json'];

/** `dnsmasq.conf`, `01-kube-dns.conf`, and templates of them (`.conf.j2`, `.conf.tpl`, ...). */
export function isConfFileName(filePath: string | undefined): boolean {
  if (!filePath) return false;
  const lower = filePath.toLowerCase();
  return lower.endsWith('.conf') || TEMPLATE_SUFFIXES.some((s) => lower.endsWith(`.conf${s}`));
}

/** Files holding a bare dnsmasq argv (words separated by blanks or newlines), e.g. `snippet.args.txt`. */
export function isRawArgvFile(filePath: string | undefined): boolean {
  return !!filePath && /\.(?:args|argv)(?:\.txt)?$/i.test(filePath);
}

/** Whether a directory walk lints a file of this name: manifests, templates, dnsmasq conf and bare-argv files. */
export function isLintableFileName(name: string): boolean {
  const lower = name.toLowerCase();
  return [...MANIFEST_SUFFIXES, ...TEMPLATE_SUFFIXES].some((s) => lower.endsWith(s)) || isConfFileName(name) || isRawArgvFile(name);
}

/** What a directory walk looks for, for the message when it finds nothing. */
export function describeLintableNames(): string {
  return `${MANIFEST_SUFFIXES.join(', ')}, .conf, .args and templates such as ${TEMPLATE_SUFFIXES.slice(0, 5).join(', ')}`;
}
