import { defineConfig } from 'vitest/config';
import { PREACT_ALIASES } from './web-aliases.js';

export default defineConfig({
  resolve: { alias: PREACT_ALIASES },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: 'forks',
  },
});
