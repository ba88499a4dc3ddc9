// Where DNS goes is the user's choice: before the first query to a server from this workspace, a modal question
// names the servers and what will be sent; the answer is remembered (a setting lists the approved servers, and
// removing one revokes it). Loopback servers are asked about too, so tests take the user's path.
import { parseTarget } from '@kube-dns-tools/core/probe';

/** What the store needs from its surroundings (VS Code's settings and dialogs, or a test). */
export interface ConsentHost {
  /** The approved `ADDR#PORT`s as stored. */
  approved(): readonly string[];
  /** Stores the new list of approved servers. */
  store(servers: readonly string[]): Promise<void>;
  /** Asks `question` modally; true when the user picked `action`. */
  ask(question: string, detail: string, action: string): Promise<boolean>;
}

/** `10.36.8.40`, `10.36.8.40#53` and `10.36.008.40#53` are one server: `10.36.8.40#53`. */
export function serverKey(text: string): string {
  const target = parseTarget(text.trim());
  return `${target.address}#${target.port}`;
}

function keyOrText(text: string): string {
  try {
    return serverKey(text);
  } catch {
    return text;
  }
}

/** `a`, `a and b`, `a, b and c`. */
export function listed(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

export class ConsentStore {
  constructor(private readonly host: ConsentHost) {}

  isApproved(server: string): boolean {
    const key = keyOrText(server);
    return this.host.approved().some((approved) => keyOrText(approved) === key);
  }

  /** The servers of `servers` not yet approved, as keys. */
  unapproved(servers: readonly string[]): string[] {
    return [...new Set(servers.map(keyOrText))].filter((key) => !this.isApproved(key));
  }

  /**
   * Resolves true when every server may be sent to: already approved, or approved now by the user answering
   * `question(servers not yet approved)` with `action`. Nothing is stored when the user declines.
   */
  async allow(servers: readonly string[], question: (pending: string[]) => string, action: string): Promise<boolean> {
    const pending = this.unapproved(servers);
    if (pending.length === 0) return true;
    const detail = `Approval is remembered for this workspace in the setting kubeDnsTools.approvedServers; remove a server there to revoke it.`;
    if (!(await this.host.ask(question(pending), detail, action))) return false;
    await this.host.store([...this.host.approved(), ...pending]);
    return true;
  }

  /** Forgets `server`; true when it was approved. */
  async revoke(server: string): Promise<boolean> {
    const key = keyOrText(server);
    const kept = this.host.approved().filter((approved) => keyOrText(approved) !== key);
    if (kept.length === this.host.approved().length) return false;
    await this.host.store(kept);
    return true;
  }
}
