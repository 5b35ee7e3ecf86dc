import { afterEach, describe, expect, it } from 'vitest';
import {
  createTestService,
  fixtureFunction,
  readAll,
  type TestService,
} from '../fixtures/core/test-service.js';

describe.skipIf(process.platform !== 'linux')('MemorySize of the whole process group', () => {
  let t: TestService | undefined;
  afterEach(() => t?.service.close());

  it('stops the environment when a process its function started goes over, and reports its peak', async () => {
    // Arrange
    t = createTestService([
      fixtureFunction('ChildHog', 'handlers.childHog', { memorySize: 128, timeout: 30 }),
    ]);

    // Act
    const handle = t.invoke('ChildHog', { mb: 300 }, { delivery: 'buffer' });
    await readAll(handle.body);
    const outcome = await handle.outcome;

    // Assert
    expect(outcome.error).toMatchObject({
      errorType: 'Runtime.ExitError',
      errorMessage: `RequestId: ${handle.requestId} Error: Runtime exited with error: signal: killed`,
    });
    expect(outcome.maxMemoryUsedMb).toBeGreaterThan(128); // the runtime alone holds ~50 MB
    const report = t.linesOf(handle.requestId).find((line) => line.startsWith('REPORT'));
    expect(report).toMatch(
      new RegExp(
        `Memory Size: 128 MB\\tMax Memory Used: ${outcome.maxMemoryUsedMb} MB\\t.*` +
          'Status: error\\tError Type: Runtime\\.OutOfMemory$',
      ),
    );
    expect(t.linesOf(handle.requestId)).toEqual(
      expect.arrayContaining([outcome.error?.errorMessage, 'Runtime.ExitError']),
    );
  });

  it('leaves a function within its MemorySize alone, with its peak in REPORT', async () => {
    // Arrange
    t = createTestService([fixtureFunction('Hello', 'handlers.hello', { memorySize: 128 })]);

    // Act
    const handle = t.invoke('Hello', {}, { delivery: 'buffer' });
    await readAll(handle.body);
    const outcome = await handle.outcome;

    // Assert
    expect(outcome.error).toBeUndefined();
    expect(outcome.maxMemoryUsedMb).toBeGreaterThan(0);
    expect(outcome.maxMemoryUsedMb).toBeLessThanOrEqual(128);
    expect(outcome.logs).not.toMatch(/Status: error/);
  });
});
