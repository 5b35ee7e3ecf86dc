import { configDefaults, defineProject } from 'vitest/config';

export default defineProject({
  test: {
    environment: 'node',
    include: ['test/**/*.test.ts'],
    // The fixture is the code of a project outside the repository, run there by install/.
    exclude: [...configDefaults.exclude, 'test/install/fixture/**'],
    setupFiles: ['./src/setup.ts'],
  },
});
