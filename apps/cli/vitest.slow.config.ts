import { defineConfig } from 'vitest/config';
import base from './vitest.config.js';

// Tests too slow for every `npm test`: `npm run test:pre-commit` (scripts/setup-and-test.sh runs it).
export default defineConfig({ ...base, test: { ...base.test, include: ['test/**/*.slow-test.ts'], testTimeout: 600_000, hookTimeout: 120_000 } });
