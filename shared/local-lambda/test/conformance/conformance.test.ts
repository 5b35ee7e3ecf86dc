/**
 * The conformance suite: every fixture function through a function URL (curl), through
 * InvokeWithResponseStream and through Invoke (the JS SDK), on each Node.js runtime (`nodejs22.x`,
 * `nodejs24.x`), under local-lambda's own runtime and under that runtime's official
 * aws-lambda-ric (3.3.0, 4.0.2). For each case and runtime one test asserts the expected
 * behaviour (with the project's runtime) and one asserts that the official client shows exactly
 * the same, once the values that are random by nature are normalized (normalize.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseRuns, expectBehaviour } from './case-runs.js';
import type { ConformanceCase } from './case-types.js';
import { bufferedCases } from './cases/buffered.cases.js';
import { callbackCases } from './cases/callback.cases.js';
import { contextCases } from './cases/context.cases.js';
import { eventLoopCases } from './cases/event-loop.cases.js';
import { failureCases } from './cases/failures.cases.js';
import { leftoverCases } from './cases/leftovers.cases.js';
import { lifecycleCases } from './cases/lifecycle.cases.js';
import { responseCases } from './cases/responses.cases.js';
import {
  comparisonRequired,
  describeOfficialClients,
  NODE_RUNTIMES,
  officialClientStatus,
} from './official-client.js';

// The slowest cases first (pending timers, timeouts, 20 MiB), so they overlap the rest.
const CASES: ConformanceCase[] = [
  ...eventLoopCases,
  ...leftoverCases,
  ...lifecycleCases,
  ...responseCases,
  ...failureCases,
  ...callbackCases,
  ...contextCases,
  ...bufferedCases,
];

const official = Object.fromEntries(NODE_RUNTIMES.map((r) => [r, officialClientStatus(r)]));
/** A test waits for its case's turn among all the others. */
const TIMEOUT_MS = 300_000;

describe('conformance: local runtime and official aws-lambda-ric, seen by curl and the SDK', () => {
  let runs: CaseRuns | undefined;

  beforeAll(async () => {
    console.info(`Official runtime clients compared:\n${describeOfficialClients()}`);
    const plan = NODE_RUNTIMES.map((runtime) => ({
      runtime,
      withOfficial: official[runtime]?.available === true,
    }));
    runs = await CaseRuns.start(CASES, plan);
  });

  // Waits for every observation still running (a failed test does not stop its case's calls).
  afterAll(() => runs?.close(), TIMEOUT_MS);

  describe.each(NODE_RUNTIMES)('%s', (runtime) => {
    const status = official[runtime];

    for (const testCase of CASES) {
      it(testCase.name, { timeout: TIMEOUT_MS }, async () => {
        // Arrange / Act: every case started on every emulator with the suite
        const result = await runs?.of(testCase, runtime);

        // Assert
        if (!result) throw new Error('the emulators did not start');
        expectBehaviour(testCase, result.local, runtime);
      });

      it(`${testCase.name} (same under the official client)`, { timeout: TIMEOUT_MS }, async ({
        skip,
      }) => {
        // Arrange
        if (status && !status.available) {
          if (comparisonRequired()) {
            throw new Error(`CI must compare with the official runtime client: ${status.reason}`);
          }
          skip(`the official runtime client cannot run here: ${status.reason}`);
        }

        // Act
        const result = await runs?.of(testCase, runtime);

        // Assert
        expect(result?.official).toBeDefined();
        expect(result?.local).toEqual(result?.official);
      });
    }
  });
});
