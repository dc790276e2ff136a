// One vitest run for the whole workspace; tests sit beside the code they test.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts'],
    testTimeout: 60_000,
    pool: 'forks',
  },
});
