import type { CfBlock, CfDirective, CfServerBlock, CfToken, Corefile } from '../../../corefile/model.js';

/** Every plugin of every served block (snippets excluded), with its server block. */
export function plugins(corefile: Corefile, name?: string): { server: CfServerBlock; directive: CfDirective }[] {
  const found: { server: CfServerBlock; directive: CfDirective }[] = [];
  for (const server of corefile.servers) {
    if (server.snippet) continue;
    for (const directive of server.block.directives) {
      if (name === undefined || directive.name.value === name) found.push({ server, directive });
    }
  }
  return found;
}

export function options(directive: CfDirective, name?: string): CfDirective[] {
  const all = directive.block?.directives ?? [];
  return name === undefined ? [...all] : all.filter((d) => d.name.value === name);
}

/** Any word of the directive (name, args, options, nested) is templated, or its block holds unknown lines. */
export function isTemplated(directive: CfDirective): boolean {
  if (directive.name.templated || directive.args.some((a) => a.templated)) return true;
  if (directive.block?.opaque) return true;
  return (directive.block?.directives ?? []).some(isTemplated);
}

export function blockIsKnown(block: CfBlock): boolean {
  return !block.opaque && block.directives.every((d) => !d.name.templated);
}

export function hasPlugin(server: CfServerBlock, name: string): boolean {
  return server.block.directives.some((d) => d.name.value === name);
}

export const INTEGER = /^-?\d+$/;

/** Go `time.ParseDuration` for the forms Corefiles use (`30s`, `1m30s`, `1h`, `500ms`), in seconds. */
export function durationSeconds(text: string): number | undefined {
  if (text === '0') return 0;
  const re = /(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/gy;
  let total = 0;
  let at = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const unit = { ns: 1e-9, us: 1e-6, µs: 1e-6, ms: 1e-3, s: 1, m: 60, h: 3600 }[m[2]!]!;
    total += Number(m[1]) * unit;
    at = re.lastIndex;
  }
  return at === text.length && at > 0 ? total : undefined;
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;

export function isIPv4(text: string): boolean {
  return IPV4.test(text);
}

export function isIPv6(text: string): boolean {
  return /^[0-9a-fA-F:.]+$/.test(text) && text.includes(':') && (text.match(/::/g)?.length ?? 0) <= 1 && /^[0-9a-fA-F:]*(:[0-9.]+)?$/.test(text);
}

/** A forward/proxy upstream written as a literal address: `1.2.3.4`, `1.2.3.4:53`, `[v6]:53`, `v6`, with `dns://`/`tls://`. Returns the host. */
export function literalUpstreamHost(token: CfToken): string | undefined {
  if (token.templated) return undefined;
  let t = token.value.replace(/^(dns|tls):\/\//, '');
  t = t.replace(/%[^:\]]*(?=(:\d+)?$)/, '');
  const bracket = /^\[([^\]]+)\](?::\d+)?$/.exec(t);
  if (bracket) return isIPv6(bracket[1]!) ? bracket[1] : undefined;
  if (isIPv6(t)) return t;
  const v4 = /^([\d.]+)(?::\d+)?$/.exec(t);
  return v4 && isIPv4(v4[1]!) ? v4[1] : undefined;
}

export function isLoopback(host: string): boolean {
  return /^127\./.test(host) || host === '::1' || /^(0{0,4}:){7}0{0,3}1$/.test(host);
}

export function lastToken(directive: CfDirective): CfToken {
  return directive.args[directive.args.length - 1] ?? directive.name;
}

/** Source range of a whole directive line (name to last argument, or to its closing brace). */
export function directiveRange(directive: CfDirective): { start: number; end: number } {
  const end = directive.block?.close?.end ?? lastToken(directive).end;
  return { start: directive.name.start, end };
}
