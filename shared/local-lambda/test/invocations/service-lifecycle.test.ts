import { describe, expect, it } from 'vitest';
import { FunctionNotFoundError } from '../../src/invocations/contracts.js';
import { createTestService, fixtureFunction, readAll } from '../fixtures/core/test-service.js';
import { pidExists } from '../fixtures/processes.js';

async function waitUntil(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 10));
}

describe('invocation service lifecycle', () => {
  it('throws FunctionNotFoundError synchronously for an unknown function', () => {
    // Arrange
    const t = createTestService([fixtureFunction('Hello', 'handlers.hello')]);

    // Act
    const attempt = () => t.invoke('Nope');

    // Assert
    expect(attempt).toThrow(FunctionNotFoundError);
    expect(t.service.getFunction('Hello')?.name).toBe('Hello');
    expect(t.service.functions).toHaveLength(1);
  });

  it('kills every runtime process on close, a busy one included', async () => {
    // Arrange
    const t = createTestService([
      fixtureFunction('Hello', 'handlers.hello'),
      fixtureFunction('BusyLoop', 'handlers.busyLoop', { timeout: 30 }),
    ]);
    const idle = t.invoke('Hello', {}, { delivery: 'buffer' });
    const { pid: idlePid } = JSON.parse((await readAll(idle.body)).toString()) as { pid: number };
    await idle.outcome;
    const busy = t.invoke('BusyLoop', { spin: true }, { delivery: 'buffer' });
    await waitUntil(() => t.linesOf(busy.requestId).some((line) => line.startsWith('START')));

    // Act
    await t.service.close();
    const outcome = await busy.outcome;

    // Assert
    expect(pidExists(idlePid)).toBe(false);
    expect(outcome.error?.errorType).toBe('Runtime.ExitError');
    expect(() => t.invoke('Hello')).toThrow(/closed/);
  });

  it('replaces an environment that dies while idle (not frozen)', async () => {
    // Arrange
    const t = createTestService([fixtureFunction('ExitLater', 'handlers.exitLater')], {
      lifecycle: { freeze: false },
    });
    const first = t.invoke('ExitLater', {}, { delivery: 'buffer' });
    const { pid } = JSON.parse((await readAll(first.body)).toString()) as { pid: number };
    await first.outcome;
    await waitUntil(() => !pidExists(pid));

    // Act
    const second = t.invoke('ExitLater', {}, { delivery: 'buffer' });
    const body = JSON.parse((await readAll(second.body)).toString()) as { pid: number };
    const outcome = await second.outcome;
    await t.service.close();

    // Assert
    expect(body.pid).not.toBe(pid);
    expect(outcome.error).toBeUndefined();
    expect(outcome.initDurationMs).toBeDefined();
  });

  it('reports a response connection broken without an exit as Runtime.TruncatedResponse', async () => {
    // Arrange
    const t = createTestService([fixtureFunction('Destroy', 'handlers.destroyStream')]);

    // Act
    const handle = t.invoke('Destroy');
    const body = await readAll(handle.body);
    const outcome = await handle.outcome;
    await t.service.close();

    // Assert
    expect(body.toString()).toBe('abc');
    expect(outcome.error?.errorType).toBe('Runtime.TruncatedResponse');
  });

  it('reports a runtime command that cannot start as Runtime.InvalidEntrypoint', async () => {
    // Arrange
    const t = createTestService([fixtureFunction('Hello', 'handlers.hello')], {
      runtimeClient: { command: ['/nonexistent/bootstrap', '{handler}'] },
    });

    // Act
    const handle = t.invoke('Hello', {}, { delivery: 'buffer' });
    await readAll(handle.body);
    const outcome = await handle.outcome;
    await t.service.close();

    // Assert
    expect(outcome.error?.errorType).toBe('Runtime.InvalidEntrypoint');
    expect(outcome.error?.errorMessage).toContain('ENOENT');
  });
});
