import { describe, expect, it } from 'vitest';
import { DNSMASQ_MAN_PAGE_URL, OPTION_DOCS, optionDoc } from './option-docs.js';
import { manPageSearchText } from './option-docs-man-link.js';
import { OPTION_TABLE } from './option-table.js';

// The options that shape how a kube-dns pod forwards and caches: each needs a full description.
const DNS_OPTIONS = [
  'no-negcache', 'neg-ttl', 'cache-size', 'log-queries', 'log-facility', 'server', 'local', 'address', 'rev-server',
  'strict-order', 'all-servers', 'dns-forward-max', 'min-cache-ttl', 'max-cache-ttl', 'max-ttl', 'local-ttl',
  'use-stale-cache', 'cache-rr', 'no-resolv', 'resolv-file', 'port', 'listen-address', 'bind-interfaces',
  'keep-in-foreground', 'no-daemon', 'no-hosts', 'domain-needed', 'bogus-priv', 'filterwin2k', 'stop-dns-rebind',
  'fast-dns-retry', 'log-async', 'edns-packet-max', 'query-port', 'no-round-robin', 'clear-on-reload',
  'dns-loop-detect', 'conf-file', 'conf-dir', 'servers-file', 'user', 'pid-file', 'test', 'min-port', 'max-port',
  'max-tcp-connections', 'interface', 'bogus-nxdomain',
];

function sentences(markdown: string): number {
  return markdown.split(/[.!?](?:\s|$)/).filter((s) => s.trim().length > 0).length;
}

describe('option docs', () => {
  it('documents every option of the table, and nothing else', () => {
    const tableNames = new Set(OPTION_TABLE.map((o) => o.long));
    expect(tableNames.size).toBe(189);
    for (const name of tableNames) expect(OPTION_DOCS.has(name), name).toBe(true);
    for (const name of OPTION_DOCS.keys()) expect(tableNames.has(name), name).toBe(true);
  });

  it('gives one-line summaries of at most 120 characters', () => {
    for (const [name, doc] of OPTION_DOCS) {
      expect(doc.summary, name).not.toMatch(/\n/);
      expect(doc.summary.length, name).toBeGreaterThan(10);
      expect(doc.summary.length, name).toBeLessThanOrEqual(120);
    }
  });

  it.each(DNS_OPTIONS)('describes --%s in full', (name) => {
    const details = optionDoc(name).details;
    expect(details, name).toBeDefined();
    const count = sentences(details ?? '');
    expect(count, `${name}: ${count} sentences`).toBeGreaterThanOrEqual(3);
    expect(count, `${name}: ${count} sentences`).toBeLessThanOrEqual(9);
  });

  it('links every option to the man page with an encoded text fragment', () => {
    for (const [name, doc] of OPTION_DOCS) {
      expect(doc.manUrl.startsWith(`${DNSMASQ_MAN_PAGE_URL}#:~:text=`), name).toBe(true);
      const fragment = doc.manUrl.slice(doc.manUrl.indexOf(':~:text=') + ':~:text='.length);
      expect(fragment, name).not.toMatch(/[-,&\s]/);
      expect(decodeURIComponent(fragment), name).toBe(manPageSearchText(name));
      expect(decodeURIComponent(fragment), name).toContain(name === 'dhcp-lease' ? '--dhcp-leasefile' : name === 'domain-suffix' ? '--domain' : `--${name}`);
    }
    expect(optionDoc('no-negcache').manUrl).toBe(`${DNSMASQ_MAN_PAGE_URL}#:~:text=%2D%2Dno%2Dnegcache`);
    expect(optionDoc('server').manUrl).toBe(`${DNSMASQ_MAN_PAGE_URL}#:~:text=%2DS%2C%20%2D%2Dlocal%2C%20%2D%2Dserver`);
  });

  it('carries the measured facts the man page gets wrong or leaves out', () => {
    expect(optionDoc('cache-size').details).toContain('5,000,000');
    expect(optionDoc('neg-ttl').details).toMatch(/without an SOA|Without either/);
    expect(optionDoc('neg-ttl').details).toContain('CNAME');
    expect(optionDoc('min-cache-ttl').details).toContain('3600');
    expect(optionDoc('dns-forward-max').details).toMatch(/`0`.*refuses every query/);
  });

  it('accepts names with dashes and says so for names dnsmasq does not have', () => {
    expect(optionDoc('--no-negcache')).toBe(OPTION_DOCS.get('no-negcache'));
    const unknown = optionDoc('--no-negative-cache');
    expect(OPTION_DOCS.has('no-negative-cache')).toBe(false);
    expect(unknown.summary).toContain('no option --no-negative-cache');
    expect(unknown.manUrl).toBe(DNSMASQ_MAN_PAGE_URL);
  });
});
