/**
 * The async target: 100 `Event` invocations of a 3 s function at the emulator's limit
 * of 10 (30 s of work). Every one must run, none be discarded; the time from the first 202 to
 * the last REPORT is the figure (about 35 s is the target).
 */
import type { Emulator } from '../../bench/lib/emulator.js';
import { send, sign } from '../lib/http.js';
import type { Case } from '../lib/part.js';
import type { Targets } from './targets.js';

/** What the part measured. */
export interface AsyncFigures {
  accepted: number;
  ran: number;
  discarded: number;
  seconds: number;
}

const EVENTS = 100;
const WAIT_LIMIT_MS = 180_000;

/**
 * Sends the events, then waits for their REPORT lines.
 *
 * @returns One case: all accepted, all ran, none discarded; the figures in `figures`.
 * @example
 * ```ts
 * await runPart('Async events', asyncCases(targets, figures), pid);
 * ```
 */
export function asyncCases(targets: Targets, figures: AsyncFigures): Case[] {
  return [
    {
      name: `${EVENTS} Event invocations of a 3 s function at --max-concurrency 10`,
      boundMs: WAIT_LIMIT_MS + 10_000,
      run: async () => {
        const reports = countLines(targets.emulator, /\[RelSleepFunction\].*REPORT RequestId/);
        const discards = countLines(targets.emulator, /discarded|dropped/);
        const url = targets.invokeUrl('RelSleepFunction');
        const body = JSON.stringify({ ms: 3000 });
        const started = performance.now();
        const answers = await Promise.all(
          Array.from({ length: EVENTS }, async () =>
            send({
              url,
              headers: await sign(url, body, {
                extraHeaders: { 'X-Amz-Invocation-Type': 'Event' },
              }),
              body,
            }),
          ),
        );
        figures.accepted = answers.filter((answer) => answer.status === 202).length;
        while (reports.count() < figures.accepted && performance.now() - started < WAIT_LIMIT_MS) {
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        figures.seconds = Math.round((performance.now() - started) / 100) / 10;
        figures.ran = reports.count();
        const stderrDiscards = targets.emulator.process.stderr().match(/discarded/g) ?? [];
        figures.discarded = discards.count() + stderrDiscards.length;
        reports.stop();
        discards.stop();
        if (figures.accepted !== EVENTS)
          return `${figures.accepted} of ${EVENTS} accepted with 202`;
        if (figures.ran !== EVENTS || figures.discarded > 0) {
          return `${figures.ran} ran, ${figures.discarded} discarded`;
        }
        return null;
      },
    },
  ];
}

function countLines(emulator: Emulator, pattern: RegExp) {
  let count = 0;
  let ready = false;
  const stop = emulator.process.onLine((line) => {
    if (ready && pattern.test(line)) count += 1;
  });
  // Lines already written (replayed to a new listener) are not this part's.
  ready = true;
  return { count: () => count, stop };
}
