import { describe, expect, it } from 'vitest';
import { expectArrivalOverTime, OPEN_QUESTIONS } from '../../src/e2e/index.js';

/** A target that keeps what it is asked to confirm. */
function recordingTarget() {
  const calls: unknown[][] = [];
  return { calls, unconfirmed: (...args: unknown[]) => void calls.push(args) };
}

describe('expectArrivalOverTime', () => {
  it.each([
    [
      'spread over the stream',
      [0, 500, 1000],
      { severalPieces: true, spreadOverHalfTheStream: true },
    ],
    ['held back to the end', [990, 1000], { severalPieces: true, spreadOverHalfTheStream: false }],
    ['in one piece', [1000], { severalPieces: false, spreadOverHalfTheStream: false }],
  ])('reports a response %s against what local-lambda does', (_case, times, observed) => {
    // Arrange
    const target = recordingTarget();
    const chunks = times.map((atMs) => ({ atMs }));

    // Act
    expectArrivalOverTime(target, chunks, 1000);

    // Assert
    expect(target.calls).toEqual([
      [
        OPEN_QUESTIONS.urlSmallWrites,
        observed,
        { severalPieces: true, spreadOverHalfTheStream: true },
        { chunks },
      ],
    ]);
  });
});
