import { OPEN_QUESTIONS } from './questions.js';
import type { E2eTarget } from './target.js';
import { arrivalSpreadMs } from './timing.js';

/**
 * Checks that a paced response reached the client over time, not at the end: in several pieces,
 * the first and the last more than half the stream's length apart. Against local-lambda it
 * asserts that; against AWS, where function URLs may hold small writes back, it records what
 * arrived (open question `urlSmallWrites`).
 *
 * @param target - The test's target.
 * @param chunks - The arrivals, each with `atMs` (a curl result's `chunks`).
 * @param streamMs - How long the function takes from its first write to its last.
 * @param question - The open question recorded on AWS (default: function URLs' `urlSmallWrites`).
 * @example
 * ```ts
 * const response = await curl({ url: target.url('TtfbPipelineFunction'), signing: target.signing });
 * expectArrivalOverTime(target, response.chunks, 7 * 250);
 * ```
 */
export function expectArrivalOverTime(
  target: Pick<E2eTarget, 'unconfirmed'>,
  chunks: readonly { atMs: number }[],
  streamMs: number,
  question: string = OPEN_QUESTIONS.urlSmallWrites,
): void {
  const arrivals = {
    severalPieces: chunks.length > 1,
    spreadOverHalfTheStream: arrivalSpreadMs(chunks) > streamMs / 2,
  };
  target.unconfirmed(
    question,
    arrivals,
    { severalPieces: true, spreadOverHalfTheStream: true },
    { chunks },
  );
}
