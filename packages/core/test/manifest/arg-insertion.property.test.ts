import fc from 'fast-check';
import { expect, test } from 'vitest';
import { canBePlain } from '../../src/manifest/scalar-encode.js';
import { shellQuote } from '../../src/manifest/shell-words.js';
import { wrapperSeparator } from '../../src/manifest/wrapper-shape.js';
import { applyEdit, expectCleanYaml, onlyInvocation, words } from './edit-helpers.js';

/** Words with the characters that make YAML quoting interesting (no `}`: `{{ ... }}` would be a template tag). */
const word = fc.stringMatching(/^[-a-z0-9=/#:.,'" \\[\]{]{1,10}$/).filter((w) => w.trim() === w);
type Style = 'plain' | 'single' | 'double';

function encode(w: string, style: Style, flow: boolean): string {
  if (style === 'plain' && canBePlain(w, flow)) return w;
  if (style === 'single') return `'${w.replace(/'/g, "''")}'`;
  return JSON.stringify(w);
}

function manifest(args: readonly string[], styles: readonly Style[], flow: boolean, eol: string, comments: boolean): string {
  const items = args.map((w, i) => encode(w, styles[i % styles.length]!, flow));
  const list = flow
    ? `    args: [${items.join(', ')}]\n`
    : `    args:\n${items.map((it, i) => `    - ${it}${comments && i % 2 === 0 ? '  # c' : ''}\n`).join('')}`;
  const text = `kind: Pod\nmetadata:\n  name: dns\nspec:\n  containers:\n  - name: dnsmasq\n    image: kube-dnsmasq-amd64:1.4\n${list}    ports: []\n`;
  return text.replace(/\n/g, eol);
}

const scenario = fc.record({
  args: fc.array(word, { minLength: 1, maxLength: 5 }),
  styles: fc.array(fc.constantFrom<Style>('plain', 'single', 'double'), { minLength: 1, maxLength: 3 }),
  flow: fc.boolean(),
  eol: fc.constantFrom('\n', '\r\n'),
  comments: fc.boolean(),
  added: fc.array(word, { minLength: 1, maxLength: 2 }),
  pick: fc.nat(),
  replacement: word,
});

test('append, replace and remove give exactly the intended argv, in any list style', () => {
  fc.assert(
    fc.property(scenario, (s) => {
      const i = s.pick % s.args.length;
      // A list that reads as `WRAPPER-FLAGS -- DNSMASQ-ARGS` is a wrapper's, whatever the image: its dnsmasq argv is
      // what follows `--` (tested in wrapper-shape tests), so here every list stays a plain dnsmasq argv.
      const lists = [s.args, [...s.args, ...s.added], s.args.map((w, j) => (j === i ? s.replacement : w)), s.args.filter((_, j) => j !== i)];
      fc.pre(lists.every((l) => wrapperSeparator(l) < 0));
      const text = manifest(s.args, s.styles, s.flow, s.eol, s.comments);
      expect(words(text)).toEqual(s.args);
      const inv = onlyInvocation(text);

      const appended = applyEdit(text, inv.insertion.append(s.added));
      expect(words(appended)).toEqual([...s.args, ...s.added]);
      expectCleanYaml(appended);

      const replaced = applyEdit(text, inv.insertion.replace(inv.args[i]!, s.replacement));
      expect(words(replaced)).toEqual(s.args.map((w, j) => (j === i ? s.replacement : w)));

      const removedText = applyEdit(text, inv.insertion.remove(inv.args[i]!));
      const rest = s.args.filter((_, j) => j !== i);
      if (rest.length > 0) expect(words(removedText)).toEqual(rest);
      expectCleanYaml(removedText);

      for (const out of [appended, replaced, removedText]) {
        if (s.eol === '\r\n') expect(out.replace(/\r\n/g, '')).not.toContain('\n');
      }
    }),
    { numRuns: 300 },
  );
});

const scriptScenario = fc.record({
  args: fc.array(word, { minLength: 1, maxLength: 4 }),
  style: fc.constantFrom('double', 'single', 'literal', 'folded', 'plain'),
  added: fc.array(word, { minLength: 1, maxLength: 2 }),
  pick: fc.nat(),
  replacement: word,
});

function scriptManifest(args: readonly string[], style: string): string {
  const script = `exec dnsmasq ${args.map(shellQuote).join(' ')}`;
  const scalar =
    style === 'plain' && canBePlain(script, false)
      ? script
      : style === 'single'
        ? `'${script.replace(/'/g, "''")}'`
        : style === 'literal' || style === 'folded'
          ? `${style === 'literal' ? '|' : '>'}\n        ${script}`
          : JSON.stringify(script);
  return `kind: Pod\nmetadata:\n  name: dns\nspec:\n  containers:\n  - name: dns\n    image: alpine\n    command:\n    - sh\n    - -c\n    - ${scalar}\n    ports: []\n`;
}

test('the same inside a sh -c script, through shell and YAML quoting', () => {
  fc.assert(
    fc.property(scriptScenario, (s) => {
      const text = scriptManifest(s.args, s.style);
      expect(words(text)).toEqual(s.args);
      const inv = onlyInvocation(text);
      const i = s.pick % s.args.length;
      expect(words(applyEdit(text, inv.insertion.append(s.added)))).toEqual([...s.args, ...s.added]);
      expect(words(applyEdit(text, inv.insertion.replace(inv.args[i]!, s.replacement)))).toEqual(s.args.map((w, j) => (j === i ? s.replacement : w)));
      expect(words(applyEdit(text, inv.insertion.remove(inv.args[i]!)))).toEqual(s.args.filter((_, j) => j !== i));
    }),
    { numRuns: 300 },
  );
});
