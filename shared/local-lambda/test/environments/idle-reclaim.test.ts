import { afterEach, describe, expect, it } from 'vitest';
import {
  createTestService,
  fixtureFunction,
  readAll,
  type TestService,
} from '../fixtures/core/test-service.js';
import { pidExists } from '../fixtures/processes.js';

async function invokeHello(t: TestService) {
  const handle = t.invoke('Hello', {}, { delivery: 'buffer' });
  const { pid } = JSON.parse((await readAll(handle.body)).toString()) as { pid: number };
  return { pid, outcome: await handle.outcome };
}

describe('idle environments are reclaimed', () => {
  let t: TestService | undefined;
  afterEach(() => t?.service.close());

  it.each([true, false])(
    'stops an environment idle for the idle time (frozen: %s); the next invocation is cold',
    async (freeze) => {
      // Arrange
      t = createTestService([fixtureFunction('Hello', 'handlers.hello')], {
        lifecycle: { freeze, idleTimeoutSeconds: 0.3 },
      });
      const first = await invokeHello(t);

      // Act
      await expect.poll(() => pidExists(first.pid), { timeout: 10_000 }).toBe(false);
      const second = await invokeHello(t);

      // Assert
      expect(first.outcome.initDurationMs).toBeDefined();
      expect(second.pid).not.toBe(first.pid);
      expect(second.outcome.error).toBeUndefined();
      expect(second.outcome.initDurationMs).toBeDefined();
    },
  );

  it('keeps an environment used again within the idle time warm', async () => {
    // Arrange
    t = createTestService([fixtureFunction('Hello', 'handlers.hello')], {
      lifecycle: { idleTimeoutSeconds: 60 },
    });
    const first = await invokeHello(t);

    // Act
    const second = await invokeHello(t);

    // Assert
    expect(second.pid).toBe(first.pid);
    expect(second.outcome.initDurationMs).toBeUndefined();
  });
});
