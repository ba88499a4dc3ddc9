import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

describe('the option table', () => {
  it('is what scripts/gen-options.mjs makes of the measured table committed in packages/core/spec', () => {
    const out = execFileSync(process.execPath, ['scripts/gen-options.mjs', '--check'], { cwd: repoRoot, encoding: 'utf8' });
    expect(out).toContain('is up to date (189 options)');
  });
});
