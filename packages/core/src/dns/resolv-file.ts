/**
 * The resolv file: without `--no-resolv`, dnsmasq takes the `nameserver` lines of /etc/resolv.conf (or of
 * `--resolv-file`) as more default servers, at start and again whenever the file changes. Checked at most once a
 * second, before a query is routed (dnsmasq's polling on mtime); with several files the most recently modified
 * of those that changed is read. Lines measured with dnsmasq 2.90: `reading FILE` after a read that found
 * servers, `no servers found in FILE, will retry` once until one does, `failed to access FILE: ...` once when a
 * file seen before disappears; nothing for a file missing at start, and no `reading` line with `--no-poll`.
 */
import { readFileSync, statSync } from 'node:fs';
import ipaddr from 'ipaddr.js';
import type { ResolvOptions, UpstreamAddress } from './forwarder-config.js';

const NAMESERVER_PORT = 53;
const POLL_INTERVAL_MS = 1_000;

/**
 * The servers of a resolv file, port 53, in file order: the second word of each `nameserver` line when it is
 * an IP address. 0.0.0.0 is skipped as dnsmasq skips it; a scoped IPv6 address (`fe80::1%eth0`) is skipped
 * too, because this forwarder does not send through an interface (dnsmasq would use it).
 */
export function parseResolv(text: string): UpstreamAddress[] {
  const out: UpstreamAddress[] = [];
  for (const line of text.split('\n')) {
    const words = line.split(/[ \t\r]+/).filter((w) => w !== '');
    if (words[0] !== 'nameserver' || words[1] === undefined) continue;
    const text = words[1];
    if (text.includes('%') || !ipaddr.isValid(text)) continue;
    const parsed = ipaddr.parse(text);
    if (parsed.kind() === 'ipv4' && !ipaddr.IPv4.isValidFourPartDecimal(text)) continue;
    const address = parsed.toString();
    if (address === '0.0.0.0') continue;
    out.push({ address, port: NAMESERVER_PORT, family: parsed.kind() === 'ipv6' ? 6 : 4 });
  }
  return out;
}

interface Seen {
  mtimeMs: number;
  /** `failed to access` was logged since the file was last seen. */
  logged: boolean;
}

export class ResolvWatcher {
  private lastPollMs = -Infinity;
  private readonly seen = new Map<string, Seen>();
  private warned = false;

  /**
   * @param use receives the servers of a file read (possibly none) and returns the `using nameserver` lines to log
   * @param log one line for the log
   */
  constructor(
    private readonly options: ResolvOptions,
    private readonly use: (servers: readonly UpstreamAddress[]) => readonly string[],
    private readonly log: (line: string) => void,
  ) {
    for (const file of options.files) this.seen.set(file, { mtimeMs: -1, logged: false });
  }

  /** The read at start (every file considered, nothing logged for missing ones). */
  start(nowMs: number): void {
    this.lastPollMs = nowMs;
    this.scan(true);
  }

  /** Before a query is routed: re-reads the file if a second has passed and it changed. */
  poll(nowMs: number): void {
    if (!this.options.poll || nowMs - this.lastPollMs < POLL_INTERVAL_MS) return;
    this.lastPollMs = nowMs;
    this.scan(false);
  }

  private scan(force: boolean): void {
    let latest: string | undefined;
    let latestMtime = -Infinity;
    for (const [file, seen] of this.seen) {
      let mtimeMs: number;
      try {
        mtimeMs = statSync(file).mtimeMs;
      } catch (e) {
        if (!force && !seen.logged) this.log(`failed to access ${file}: ${reason(e as NodeJS.ErrnoException)}`);
        seen.logged = !force;
        seen.mtimeMs = -1;
        continue;
      }
      seen.logged = false;
      if (!force && mtimeMs === seen.mtimeMs) continue;
      seen.mtimeMs = mtimeMs;
      if (mtimeMs > latestMtime) {
        latestMtime = mtimeMs;
        latest = file;
      }
    }
    if (latest === undefined) return;
    let servers: UpstreamAddress[] = [];
    try {
      servers = parseResolv(readFileSync(latest, 'utf8'));
    } catch {
      // Unreadable after stat (removed, no permission): treated as a file without servers.
    }
    const lines = this.use(servers);
    if (servers.length === 0) {
      this.seen.get(latest)!.mtimeMs = -1;
      if (!this.warned) this.log(`no servers found in ${latest}, will retry`);
      this.warned = true;
      return;
    }
    this.warned = false;
    if (this.options.poll) this.log(`reading ${latest}`);
    for (const line of lines) this.log(line);
  }
}

function reason(e: NodeJS.ErrnoException): string {
  if (e.code === 'ENOENT') return 'No such file or directory';
  if (e.code === 'EACCES') return 'Permission denied';
  if (e.code === 'ENOTDIR') return 'Not a directory';
  return e.message;
}
