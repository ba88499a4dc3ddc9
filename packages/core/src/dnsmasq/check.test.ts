import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkArgv } from './check.js';

/** packages/core/test/data/cli-grammar.tsv: dnsmasq 2.90's verdicts on 98 argvs, measured on the real binary. */
const rows = readFileSync(new URL('../../test/data/cli-grammar.tsv', import.meta.url), 'utf8')
  .trimEnd()
  .split('\n')
  .slice(1)
  .map((line) => {
    const [name, argv, exitCode, output] = line.split('\t');
    return { name: name!, argv: JSON.parse(argv!) as string[], exitCode: Number(exitCode), output: output! };
  });

describe('checkArgv agrees with dnsmasq 2.90 on every measured command line', () => {
  // Exit 3 is dnsmasq failing to read a --conf-file: not a grammar verdict; the CLI checks the disk (check-args test).
  for (const row of rows.filter((r) => r.exitCode !== 3)) {
    it(`${row.name}: ${JSON.stringify(row.argv)}`, () => {
      const verdict = checkArgv(row.argv);
      if (row.exitCode === 0) {
        expect(verdict).toMatchObject({ ok: true, token: null });
      } else {
        expect(verdict.ok).toBe(false);
        expect(`dnsmasq: ${verdict.message}`).toBe(row.output);
        expect(verdict.token).not.toBeNull();
        expect(verdict.explanation).toBeTruthy();
      }
    });
  }
});

describe('checkArgv order of refusals', () => {
  it('reports the first refusal in argv order, values and getopt errors alike', () => {
    expect(checkArgv(['--port=99999', '--no-such']).message).toBe('bad command line options: try --help');
    expect(checkArgv(['--server=1.2.3.4#x', '--no-such'])).toMatchObject({ message: 'bad command line options: bad port', token: '--server=1.2.3.4#x' });
    expect(checkArgv(['-c', '1', '-c', '2', '--server=1.2.3.4#x']).message).toBe('bad command line options: illegal repeated flag');
  });

  it('judges junk only after every option', () => {
    expect(checkArgv(['extra', '--server=1.2.3.4#x']).message).toBe('bad command line options: bad port');
    expect(checkArgv(['extra', '-N'])).toMatchObject({ ok: false, message: 'junk found in command line', token: 'extra' });
  });

  it('points the range at the characters at fault inside the value', () => {
    const verdict = checkArgv(['-N', '--server=/cluster.local/127.0.0.1#99999']);
    const text = '-N --server=/cluster.local/127.0.0.1#99999';
    expect(text.slice(verdict.range!.start, verdict.range!.end)).toContain('99999');
  });
});
