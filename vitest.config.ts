import { defineConfig } from 'vitest/config';

// One run over every workspace (`npx vitest`); each workspace also runs alone through turbo.
export default defineConfig({
  test: {
    projects: [
      'shared/*/vitest.config.ts',
      'patterns/*/vitest.config.ts',
      'scripts/vitest.config.ts',
    ],
  },
});
