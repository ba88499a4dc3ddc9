import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { OptionSpec } from './option-spec.js';
import { OPTION_TABLE } from './option-table.js';
import { validateOptionValue } from './option-values.js';

/**
 * The rows of cli-grammar.tsv (real dnsmasq 2.90 runs) whose verdict comes from option values.
 * Each argv is read with exact long names only; rows that need getopt's own rules (abbreviations,
 * unknown options, flags given a value, missing arguments, --help/--version) belong to the argv parser
 * and are left out here.
 */
interface Use {
  spec: OptionSpec;
  value: string | undefined;
  form: 'long' | 'short';
}

function readArgv(argv: string[]): Use[] | undefined {
  const uses: Use[] = [];
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i] ?? '';
    if (word === '--') return undefined;
    if (word.startsWith('--')) {
      const eq = word.indexOf('=');
      const name = word.slice(2, eq < 0 ? undefined : eq);
      const spec = OPTION_TABLE.find((o) => o.long === name);
      if (!spec || spec.repeat === 'special' || (spec.arg === 'none' && eq >= 0)) return undefined;
      if (eq >= 0) uses.push({ spec, value: word.slice(eq + 1), form: 'long' });
      else if (spec.arg === 'required') {
        if (i + 1 >= argv.length) return undefined;
        uses.push({ spec, value: argv[++i], form: 'long' });
      } else uses.push({ spec, value: undefined, form: 'long' });
    } else if (word.startsWith('-') && word.length >= 2) {
      const letter = word[1];
      const spec = OPTION_TABLE.find((o) => o.short === letter);
      if (!spec || spec.repeat === 'special') return undefined;
      if (spec.shortArg !== 'required') {
        if (word.length > 2) return undefined;
        uses.push({ spec, value: undefined, form: 'short' });
      } else if (word.length > 2) uses.push({ spec, value: word.slice(2), form: 'short' });
      else {
        if (i + 1 >= argv.length) return undefined;
        uses.push({ spec, value: argv[++i], form: 'short' });
      }
    }
  }
  return uses;
}

const PREFIX = 'dnsmasq: bad command line options: ';
const ARGV_LEVEL = new Set(['illegal repeated flag']);

const rows = readFileSync(new URL('../../../test/data/cli-grammar.tsv', import.meta.url), 'utf8')
  .split('\n')
  .slice(1)
  .filter((line) => line !== '')
  .map((line) => {
    const [name = '', argv = '[]', exit = '', output = ''] = line.split('\t');
    return { name, argv: JSON.parse(argv) as string[], exit: Number(exit), output };
  });

describe('cli-grammar.tsv rows decided by option values', () => {
  const tested = rows.flatMap((row) => {
    const uses = readArgv(row.argv);
    if (!uses || uses.length === 0) return [];
    const reason = row.output.startsWith(PREFIX) ? row.output.slice(PREFIX.length) : undefined;
    const valueReason = row.exit === 1 && reason !== undefined && !ARGV_LEVEL.has(reason) ? reason : undefined;
    return [{ row, uses, valueReason }];
  });

  it('covers most of the table', () => expect(tested.length).toBeGreaterThanOrEqual(60));

  for (const { row, uses, valueReason } of tested) {
    it(`${row.name}: ${valueReason ?? 'values accepted'}`, () => {
      const verdicts = uses.map((u) => validateOptionValue(u.spec, u.value, u.form));
      const first = verdicts.find((v) => v !== undefined);
      expect(first?.reason).toBe(valueReason);
    });
  }
});
