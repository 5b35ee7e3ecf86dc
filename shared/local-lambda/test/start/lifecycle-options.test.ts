import { InvokeCommand } from '@aws-sdk/client-lambda';
import { describe, expect, it } from 'vitest';
import { DEFAULT_IDLE_TIMEOUT_SECONDS } from '../../src/defaults.js';
import { resolveSettings } from '../../src/start/start-options.js';
import { startMemoryEmulator } from '../fixtures/memory/emulator.js';
import { pidExists } from '../fixtures/processes.js';

describe('startLocalLambda lifecycle options', () => {
  it('freezes idle environments and reclaims them after 5 minutes unless told otherwise', () => {
    // Act
    const defaults = resolveSettings({ templates: 't.yaml' }).lifecycle;
    const chosen = resolveSettings({ templates: 't.yaml', freeze: false, idleTimeout: 7 });

    // Assert
    expect(defaults).toEqual({ freeze: true, idleTimeoutSeconds: DEFAULT_IDLE_TIMEOUT_SECONDS });
    expect(DEFAULT_IDLE_TIMEOUT_SECONDS).toBe(300);
    expect(chosen.lifecycle).toEqual({ freeze: false, idleTimeoutSeconds: 7 });
  });

  it('makes the invocation after idleTimeout seconds a cold start', async () => {
    // Arrange
    const emulator = await startMemoryEmulator({ idleTimeout: 1 });
    const invoke = async () => {
      const response = await emulator.client.send(
        new InvokeCommand({ FunctionName: 'HogFn', Payload: Buffer.from('{}'), LogType: 'Tail' }),
      );
      const pid = Number(/^pid (\d+)$/.exec(Buffer.from(response.Payload ?? []).toString())?.[1]);
      return { pid, logs: Buffer.from(response.LogResult ?? '', 'base64').toString() };
    };

    try {
      // Act
      const first = await invoke();
      await expect.poll(() => pidExists(first.pid), { timeout: 10_000 }).toBe(false);
      const second = await invoke();

      // Assert
      expect(second.pid).not.toBe(first.pid);
      expect(second.logs).toMatch(/\tInit Duration: [\d.]+ ms$/m);
    } finally {
      await emulator.close();
    }
  });
});
