import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readingLines, readings } from '../src/readings.js';

describe('ttfb-pipeline readings', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('generates the same plausible readings for the same seed', () => {
    // Act
    const first = [...readings(30, 7)];
    const again = [...readings(30, 7)];
    const other = [...readings(30, 8)];

    // Assert
    expect(first).toHaveLength(30);
    expect(again).toEqual(first);
    expect(other).not.toEqual(first);
    expect(first[0]).toMatchObject({
      seq: 1,
      sensor: 'greenhouse-a',
      at: '2026-11-30T06:00:00.000Z',
    });
    expect(first[29]).toMatchObject({
      seq: 30,
      sensor: 'greenhouse-c',
      at: '2026-11-30T06:29:00.000Z',
    });
    for (const reading of first) {
      expect(reading.temperatureC).toBeGreaterThan(10);
      expect(reading.temperatureC).toBeLessThan(35);
      expect(reading.humidityPct).toBeGreaterThan(0);
      expect(reading.humidityPct).toBeLessThan(100);
    }
  });

  it('releases one NDJSON line per interval, the first at once', async () => {
    // Arrange
    const lines: string[] = [];
    const collecting = (async () => {
      for await (const line of readingLines({ count: 3, intervalMs: 500 })) lines.push(line);
    })();

    // Act and Assert
    await vi.advanceTimersByTimeAsync(0);
    expect(lines).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(499);
    expect(lines).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(lines).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(500);
    await collecting;
    expect(lines).toEqual([...readings(3)].map((reading) => `${JSON.stringify(reading)}\n`));
  });
});
