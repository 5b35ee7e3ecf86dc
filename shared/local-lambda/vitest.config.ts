import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    environment: 'node',
    include: ['test/**/*.test.ts'],
    // These tests start real processes (runtimes, curl, python, the AWS CLI); on a busy
    // 2-core machine one of them can take seconds to start. Behaviour, not speed, is asserted.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
