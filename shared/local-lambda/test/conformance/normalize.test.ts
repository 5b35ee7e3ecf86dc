import { describe, expect, it } from 'vitest';
import { normalizeObservation } from './normalize.js';

const INIT_ERROR = '2026-12-07T10:00:00.000Z\t-\tERROR\tInit Error \t{"errorType":"Runtime.X"}';

describe('normalizeObservation: the crash dump after an Init Error', () => {
  it('drops a whole dump, up to its Node.js version line', () => {
    // Act
    const { logs } = normalizeObservation({
      logs: [
        INIT_ERROR,
        'node:internal/process/promises:394',
        '    triggerUncaughtException(err);',
        'Node.js v24.22.3',
        'END RequestId: 6fe9274e-8503-4c90-aa74-ca1b2fb5eff7',
      ],
    });

    // Assert
    expect(logs.slice(1)).toEqual(['END RequestId: <id-1>']);
  });

  it("keeps the emulator's lines after a dump the kill cut short", () => {
    // Act
    const { logs } = normalizeObservation({
      logs: [
        INIT_ERROR,
        'node:internal/process/promises:394',
        'START RequestId: 6fe9274e-8503-4c90-aa74-ca1b2fb5eff7 Version: $LATEST',
        'END RequestId: 6fe9274e-8503-4c90-aa74-ca1b2fb5eff7',
      ],
    });

    // Assert
    expect(logs.slice(1)).toEqual([
      'START RequestId: <id-1> Version: $LATEST',
      'END RequestId: <id-1>',
    ]);
  });
});
