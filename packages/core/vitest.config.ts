import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['source'] },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Most of the suite's time is spent waiting (dnsmasq runs, upstream timeouts), not computing: vitest's default of
    // one worker per core but one leaves a 2-core CI machine with a single file at a time.
    maxWorkers: 3,
    minWorkers: 1,
  },
});
