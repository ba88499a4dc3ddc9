import { describe, expect, it } from 'vitest';
import { runDemo } from './incident-demo.js';

describe('demo', () => {
  it('shows the cached NODATA surviving the recovery without -N, and -N recovering', async () => {
    let out = '';
    const code = await runDemo((t) => (out += t));
    expect(code).toBe(0);
    expect(out).toContain('cached sonatype.map.fastly.net is NODATA-IPv4');
    const steps = out.split('\n').filter((l) => /^ {2}3\. upstream recovered/.test(l));
    expect(steps).toEqual([
      '  3. upstream recovered: repo1.maven.org -> NODATA (no address)',
      '  3. upstream recovered: repo1.maven.org -> 151.101.40.209',
    ]);
    expect(out).toMatch(/with -N: +the bad reply was passed on once/);
  });
});
