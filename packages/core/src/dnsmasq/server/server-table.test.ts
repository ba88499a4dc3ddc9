import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseServerValue } from './server.js';
import type { ServerOptionKind } from './server-spec.js';

interface Row {
  value: string;
  accepted: boolean;
  message: string;
  option: ServerOptionKind;
  startup: string;
  note: string;
}

const tsv = readFileSync(new URL('../../../test/data/server-syntax.tsv', import.meta.url), 'utf8');
const rows: Row[] = tsv
  .split('\n')
  .slice(1)
  .filter((line) => line !== '')
  .map((line) => {
    const [value = '', accepted, message = '', option = '', , startup = '', note = ''] = line.split('\t');
    const name = option === '-S' ? 'server' : option.replace(/^--/, '');
    return { value, accepted: accepted === 'yes', message, option: name as ServerOptionKind, startup, note };
  });

/** Rows whose outcome depends on what a resolver says about a host name. */
const HOSTNAME_ROWS = new Set([
  'localhost',
  'localhost#5353',
  'ns1.test',
  'nonexistent.invalid',
  'kube-dns.kube-system.svc',
  '/example.com',
]);

const onlyLo = { interfaceExists: (name: string) => name === 'lo' };
const PREFIX = 'dnsmasq: bad command line options: ';

describe('server-syntax.tsv (dnsmasq 2.90 verdicts)', () => {
  it('has all 88 rows', () => expect(rows).toHaveLength(88));

  for (const row of rows) {
    const label = `--${row.option}=${JSON.stringify(row.value)} (${row.note})`;
    if (row.option !== 'address' && HOSTNAME_ROWS.has(row.value)) {
      it(`${label} is kept as a hostname`, () => {
        const result = parseServerValue(row.option, row.value, onlyLo);
        expect(result.ok && result.spec.target.kind).toBe('hostname');
      });
      continue;
    }
    it(`${label} -> ${row.accepted ? 'accepted' : row.message}`, () => {
      const result = parseServerValue(row.option, row.value, onlyLo);
      if (row.accepted) {
        expect(result).toMatchObject({ ok: true });
        return;
      }
      expect(row.message.startsWith(PREFIX)).toBe(true);
      expect(result.ok ? 'accepted' : result.error.reason).toBe(row.message.slice(PREFIX.length));
      if (!result.ok) {
        expect(result.error.range.start).toBeGreaterThanOrEqual(0);
        expect(result.error.range.end).toBeLessThanOrEqual(row.value.length);
        expect(result.error.explanation.length).toBeGreaterThan(0);
      }
    });
  }
});

describe('start-up lines of accepted rows', () => {
  /** The `using nameserver A#P [for domain D]` lines dnsmasq printed, rebuilt from our result. */
  function describeSpec(option: ServerOptionKind, value: string): string[] {
    const result = parseServerValue(option, value, onlyLo);
    if (!result.ok) return [`error ${result.error.reason}`];
    const { target, domains } = result.spec;
    if (target.kind !== 'upstream') return [];
    const scope = target.scopeId ? `%${target.scopeId}` : '';
    const via = target.source?.interface ? `(via ${target.source.interface})` : '';
    const server = `using nameserver ${target.address}${scope}#${target.port}${via}`;
    const named = domains.filter((d) => d.kind !== 'all');
    if (named.length === 0) return [server];
    return named.map((d) =>
      d.kind === 'unqualified'
        ? `${server} for unqualified names`
        : `${server} for domain ${d.kind === 'wildcard' ? '*' : ''}${d.name}`,
    );
  }

  for (const row of rows.filter((r) => r.accepted && /using nameserver/.test(r.startup))) {
    if (HOSTNAME_ROWS.has(row.value) || row.value.includes('@127.0.0.1#5353')) continue;
    it(`--${row.option}=${row.value}`, () => {
      const expected = row.startup.split(' | ').filter((l) => l.startsWith('using nameserver'));
      expect(describeSpec(row.option, row.value).sort()).toEqual(expected.map((l) => l.trimEnd()).sort());
    });
  }
});
