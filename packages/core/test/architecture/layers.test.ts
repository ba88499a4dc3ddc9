import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { checkLayers, findCycles } from '../../../../scripts/check-layers.mjs';

const REPOSITORY = fileURLToPath(new URL('../../../../', import.meta.url));

describe('scripts/check-layers.mjs', () => {
  it('finds no import cycle and no upward arrow in this repository', () => {
    expect(checkLayers(REPOSITORY)).toEqual([]);
  });

  const root = mkdtempSync(join(tmpdir(), 'kdt-layers-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  };

  it('reports cycles (type-only imports too), upward arrows, folders missing from the table and build scripts reaching out', () => {
    write('packages/core/src/text/line.ts', "import type { Finding } from '../lint/finding.js';\nexport type Line = Finding;\n");
    write('packages/core/src/lint/finding.ts', "export interface Finding { id: string }\n");
    write('packages/core/src/lint/a.ts', "import { b } from './b.js';\nexport const a = 1;\n");
    write('packages/core/src/lint/b.ts', "import type { a } from './a.js';\n// import { c } from './c.js';\nexport const b = 2;\n");
    write('packages/core/src/lint/ok.ts', "import { x } from '../dnsmasq/x.js';\nexport { x };\n");
    write('packages/core/src/dnsmasq/x.ts', "export const x = 1;\n");
    write('packages/core/src/gadgets/g.ts', "export const g = 1;\n");
    write('packages/language-server/src/s.ts', "import { t } from './t.js';\nimport { x } from '@kube-dns-tools/core/dnsmasq/x';\nexport const s = x;\n");
    write('packages/language-server/src/t.ts', "export { s as t } from './s.js';\n");
    write('packages/language-server/src/s.test.ts', "import { s } from './s.js';\nimport { t } from './t.js';\n");
    write('apps/ext/build.mjs', "await build({ entryPoints: ['../../packages/language-server/src/server.ts'] });\n");
    expect(checkLayers(root).sort()).toEqual([
      'apps/ext/build.mjs reaches into another package: ../../packages/language-server/src/server.ts (import it by its package name)',
      'import cycle: packages/core/src/lint/a.ts -> packages/core/src/lint/b.ts -> packages/core/src/lint/a.ts',
      'import cycle: packages/language-server/src/s.ts -> packages/language-server/src/t.ts -> packages/language-server/src/s.ts',
      'packages/core/src/gadgets/g.ts: packages/core/src/gadgets/ is not in the layer table of scripts/check-layers.mjs',
      'upward arrow text -> lint: packages/core/src/text/line.ts imports packages/core/src/lint/finding.ts (text/ may import nothing)',
    ]);
  });

  it('reports a face importing a workspace package by a path its exports map does not name, or reaching into its src/', () => {
    const faces = mkdtempSync(join(tmpdir(), 'kdt-exports-'));
    const put = (path: string, text: string) => {
      mkdirSync(dirname(join(faces, path)), { recursive: true });
      writeFileSync(join(faces, path), text);
    };
    try {
      const entry = { types: './dist/lint/index.d.ts', source: './src/lint/index.ts', default: './dist/lint/index.js' };
      put('packages/core/package.json', JSON.stringify({ name: '@kube-dns-tools/core', exports: { './lint': entry } }));
      put('packages/core/src/lint/index.ts', "export * from './lint-text.js';\n");
      put('packages/core/src/lint/lint-text.ts', 'export const lintText = 1;\n');
      put('apps/cli/package.json', JSON.stringify({ name: '@kube-dns-tools/cli' }));
      put('apps/cli/src/ok.ts', "import { lintText } from '@kube-dns-tools/core/lint';\nexport const ok = lintText;\n");
      put('apps/cli/src/deep.ts', "import { lintText } from '@kube-dns-tools/core/lint/lint-text';\nexport const deep = lintText;\n");
      put('bench/lint/reach.ts', "import { lintText } from '../../packages/core/src/lint/lint-text.js';\nexport const reach = lintText;\n");
      put('apps/cli/build.mjs', "await build({ entryPoints: ['@kube-dns-tools/core/lint/lint-text'] });\n");
      expect(checkLayers(faces).sort()).toEqual([
        'apps/cli/build.mjs imports @kube-dns-tools/core/lint/lint-text, which is not an entry of packages/core/package.json exports (./lint)',
        'apps/cli/src/deep.ts imports @kube-dns-tools/core/lint/lint-text, which is not an entry of packages/core/package.json exports (./lint)',
        "bench/lint/reach.ts reaches into packages/core/src with ../../packages/core/src/lint/lint-text.js (import it through the package's exports)",
      ]);
    } finally {
      rmSync(faces, { recursive: true, force: true });
    }
  });

  it('finds every strongly connected component, however deep the chain', () => {
    const chain = new Map<string, string[]>();
    for (let i = 0; i < 50_000; i++) chain.set(`f${i}`, [`f${i + 1}`]);
    chain.set('f50000', ['f0']);
    chain.set('lone', ['lone']);
    chain.set('leaf', []);
    const cycles = findCycles(chain);
    expect(cycles.map((c) => c.length).sort((a, b) => a - b)).toEqual([1, 50_001]);
  });
});
