import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    environment: 'node',
    include: ['test/**/*.test.ts'],
    // Bundling with esbuild and importing the bundles takes seconds on a busy 2-core machine.
    testTimeout: 30_000,
  },
});
