import { describe, expect, it } from 'vitest';
import { LAMBDA_BANDWIDTH, modelSeconds } from '../bench/lib/bandwidth-model.js';
import { interleave } from '../bench/lib/interleave.js';
import { median, percentile, summarize } from '../bench/lib/stats.js';
import { summarizeThroughput } from '../bench/scenarios/throughput.js';

describe('percentile', () => {
  it('interpolates between the closest ranks', () => {
    // Arrange
    const samples = [4, 1, 3, 2];

    // Act
    const p50 = percentile(samples, 50);
    const p95 = percentile(samples, 95);

    // Assert
    expect(p50).toBe(2.5);
    expect(p95).toBeCloseTo(3.85, 10);
  });

  it('returns the extremes at 0 and 100 and the only sample of one', () => {
    // Assert
    expect(percentile([5, 9, 7], 0)).toBe(5);
    expect(percentile([5, 9, 7], 100)).toBe(9);
    expect(percentile([42], 99)).toBe(42);
  });

  it('leaves the samples in their order', () => {
    // Arrange
    const samples = [3, 1, 2];

    // Act
    median(samples);

    // Assert
    expect(samples).toEqual([3, 1, 2]);
  });

  it('refuses a percentile outside 0 to 100', () => {
    // Assert
    expect(() => percentile([1], 101)).toThrow(RangeError);
  });
});

describe('summarize', () => {
  it('gives count, extremes, mean and percentiles', () => {
    // Act
    const summary = summarize(Array.from({ length: 101 }, (_, i) => i));

    // Assert
    expect(summary).toEqual({ n: 101, min: 0, p50: 50, p95: 95, p99: 99, max: 100, mean: 50 });
  });

  it('refuses an empty set rather than reporting NaN', () => {
    // Assert
    expect(() => summarize([])).toThrow('no samples');
  });
});

describe('modelSeconds', () => {
  it('sends the first 6 MiB at full speed and the rest at 2 MiB/s', () => {
    // Arrange
    const mib = 1024 * 1024;

    // Act
    const instant = modelSeconds(20 * mib, LAMBDA_BANDWIDTH);
    const measuredBurst = modelSeconds(20 * mib, {
      ...LAMBDA_BANDWIDTH,
      fullSpeedBytesPerSecond: 6 * mib,
    });

    // Assert
    expect(instant).toBe(7);
    expect(measuredBurst).toBe(8);
  });

  it('needs no rate for a response within the burst', () => {
    // Act
    const seconds = modelSeconds(1024, { ...LAMBDA_BANDWIDTH, fullSpeedBytesPerSecond: 1024 });

    // Assert
    expect(seconds).toBe(1);
  });
});

describe('interleave', () => {
  it('measures each path once per round, in turn, after the warm-up rounds', async () => {
    // Arrange
    const calls: string[] = [];
    const path = (name: string) => async () => {
      calls.push(name);
      return calls.length;
    };

    // Act
    const samples = await interleave({ a: path('a'), b: path('b') }, 2, 1);

    // Assert
    expect(calls).toEqual(['a', 'b', 'a', 'b', 'a', 'b']);
    expect(samples).toEqual({ a: [3, 5], b: [4, 6] });
  });
});

describe('summarizeThroughput', () => {
  it('takes each ratio within its round, then the median of the rounds', () => {
    // Arrange: the machine was twice as fast in the first round, for every path.
    const rates = {
      plain: [800, 400, 420],
      url: [400, 200, 210],
      eventStream: [320, 160, 170],
      sdk: [80, 40, 42],
    };

    // Act
    const result = summarizeThroughput(3, rates);

    // Assert
    expect(result.plainMBps).toBe(420);
    expect(result.urlRatio).toBe(0.5);
    expect(result.eventStreamRatio).toBe(0.4);
    expect(result.sdkRatio).toBe(0.1);
  });
});
