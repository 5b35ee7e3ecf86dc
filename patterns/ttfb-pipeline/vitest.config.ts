import { fileURLToPath } from 'node:url';
import { templateTestEnvironment } from '@lambda-streaming/pattern-tools';
import { defineProject } from 'vitest/config';

const template = fileURLToPath(new URL('./template.yaml', import.meta.url));

export default defineProject({
  test: {
    environment: 'node',
    include: ['test/**/*.test.ts'],
    // AWS_EXECUTION_ENV names the template's Runtime, as Lambda sets it: the setup file installs
    // that runtime's `awslambda` global and `runtimeFromEnvironment()` hands it to the tests.
    env: await templateTestEnvironment(template),
    setupFiles: ['@lambda-streaming/testing/setup'],
  },
});
