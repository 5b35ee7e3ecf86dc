/**
 * Concurrency limits: 30 synchronous calls at once against the emulator's limit of 10. Each is
 * answered 200 or 429 `TooManyRequestsException`; at least the limit's worth run; then a good call.
 */
import { send, sign } from '../lib/http.js';
import type { Case } from '../lib/part.js';
import type { Targets } from './targets.js';

/** What the part saw. */
export interface ConcurrencyCounts {
  ran: number;
  throttled: number;
}

/**
 * @returns 30 cases meant to run all at once (concurrency 30), counted into `counts`.
 * @example
 * ```ts
 * await runPart('Concurrency limits', concurrencyCases(targets, counts), pid, 30);
 * ```
 */
export function concurrencyCases(targets: Targets, counts: ConcurrencyCounts): Case[] {
  const url = targets.invokeUrl('RelSleepFunction');
  const body = JSON.stringify({ ms: 1500 });
  return Array.from({ length: 30 }, (_, index) => ({
    name: `call ${index + 1} of 30`,
    run: async () => {
      const answer = await send({ url, headers: await sign(url, body), body }, false);
      if (answer.status === 200 && !answer.headers['x-amz-function-error']) counts.ran += 1;
      else if (answer.status === 429 && answer.errorType === 'TooManyRequestsException')
        counts.throttled += 1;
      else return `${answer.status} ${answer.errorType} ${answer.body.slice(0, 200)}`;
      return null;
    },
  }));
}
