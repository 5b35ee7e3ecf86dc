import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TooManyRequestsError } from '../../src/invocations/contracts.js';
import {
  createTestService,
  fixtureFunction,
  type Gate,
  nextChunk,
  readAll,
  startGate,
  type TestService,
} from '../fixtures/core/test-service.js';

describe('environment pool', () => {
  let gate: Gate;
  let t: TestService;

  beforeAll(async () => {
    gate = await startGate();
    t = createTestService(
      [
        fixtureFunction('Waiter', 'handlers.pidThenWait'),
        fixtureFunction('Hello', 'handlers.hello'),
      ],
      { limits: { maxConcurrency: 3 } },
    );
  });

  afterAll(async () => {
    await t.service.close();
    await gate.close();
  });

  it('runs concurrent invocations in separate environments and refuses one over the limit', async () => {
    // Arrange
    const handles = [1, 2, 3].map((id) => t.invoke('Waiter', { gate: gate.url, id }));

    // Act
    const pids = await Promise.all(handles.map(async (h) => (await nextChunk(h.body))?.toString()));
    const refused = (() => {
      try {
        t.invoke('Hello');
        return undefined;
      } catch (error) {
        return error;
      }
    })();
    for (const id of [1, 2, 3]) gate.release(`end-${id}`);
    const outcomes = await Promise.all(handles.map((h) => readAll(h.body).then(() => h.outcome)));

    // Assert
    expect(new Set(pids).size).toBe(3);
    expect(refused).toBeInstanceOf(TooManyRequestsError);
    expect((refused as TooManyRequestsError).maxConcurrency).toBe(3);
    expect(outcomes.every((o) => o.error === undefined && o.initDurationMs !== undefined)).toBe(
      true,
    );
  });

  it('reuses a warm environment for sequential invocations', async () => {
    // Arrange
    const run = async () => {
      const handle = t.invoke('Hello', { name: 'again' }, { delivery: 'buffer' });
      const body = JSON.parse((await readAll(handle.body)).toString()) as { pid: number };
      return { pid: body.pid, outcome: await handle.outcome };
    };

    // Act
    const first = await run();
    const second = await run();

    // Assert
    expect(second.pid).toBe(first.pid);
    expect(second.outcome.initDurationMs).toBeUndefined();
  });

  it('writes START, END and REPORT, with Init Duration only on a cold start', async () => {
    // Arrange
    const fresh = createTestService([
      fixtureFunction('Logged', 'handlers.hello', { memorySize: 256 }),
    ]);
    const run = async () => {
      const handle = fresh.invoke('Logged', { name: 'logs' });
      await readAll(handle.body);
      return { id: handle.requestId, outcome: await handle.outcome };
    };

    // Act
    const cold = await run();
    const warm = await run();
    await fresh.service.close();

    // Assert
    const report = (id: string) => fresh.linesOf(id).find((line) => line.startsWith('REPORT'));
    expect(fresh.linesOf(cold.id)).toEqual([
      `START RequestId: ${cold.id} Version: $LATEST`,
      'hello logs',
      `END RequestId: ${cold.id}`,
      expect.stringMatching(/^REPORT /),
    ]);
    expect(report(cold.id)).toMatch(
      new RegExp(
        `^REPORT RequestId: ${cold.id}\\tDuration: \\d+\\.\\d\\d ms\\tBilled Duration: \\d+ ms\\t` +
          'Memory Size: 256 MB\\tMax Memory Used: \\d+ MB\\tInit Duration: \\d+\\.\\d\\d ms$',
      ),
    );
    expect(report(warm.id)).not.toContain('Init Duration');
    expect(cold.outcome.logs).toContain(`START RequestId: ${cold.id}`);
    expect(cold.outcome.logs.endsWith(`${report(cold.id)}\n`)).toBe(true);
    expect(warm.outcome.billedDurationMs).toBe(Math.max(1, Math.ceil(warm.outcome.durationMs)));
  });
});
