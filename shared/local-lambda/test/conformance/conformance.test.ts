/**
 * The conformance suite: every fixture function through a function URL (curl), through
 * InvokeWithResponseStream and through Invoke (the JS SDK), under local-lambda's own runtime and
 * under the official aws-lambda-ric. For each case one test asserts the expected behaviour (with
 * the project's runtime) and one asserts that the official client shows exactly the same, once
 * the values that are random by nature are normalized (normalize.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseRuns, expectBehaviour } from './case-runs.js';
import type { ConformanceCase } from './case-types.js';
import { bufferedCases } from './cases/buffered.cases.js';
import { contextCases } from './cases/context.cases.js';
import { eventLoopCases } from './cases/event-loop.cases.js';
import { failureCases } from './cases/failures.cases.js';
import { lifecycleCases } from './cases/lifecycle.cases.js';
import { responseCases } from './cases/responses.cases.js';
import { comparisonRequired, officialClientStatus } from './official-client.js';

// The slowest cases first (pending timers, timeouts, 20 MiB), so they overlap the rest.
const CASES: ConformanceCase[] = [
  ...eventLoopCases,
  ...lifecycleCases,
  ...responseCases,
  ...failureCases,
  ...contextCases,
  ...bufferedCases,
];

const official = officialClientStatus();
/** A test waits for its case's turn among all the others. */
const TIMEOUT_MS = 180_000;

describe('conformance: local runtime and official aws-lambda-ric, seen by curl and the SDK', () => {
  let runs: CaseRuns | undefined;

  beforeAll(async () => {
    if (!official.available && !comparisonRequired()) {
      console.warn(`Comparison with the official runtime client skipped: ${official.reason}`);
    }
    runs = await CaseRuns.start(CASES, official.available);
  });

  // Waits for every observation still running (a failed test does not stop its case's calls).
  afterAll(() => runs?.close(), TIMEOUT_MS);

  for (const testCase of CASES) {
    it(testCase.name, { timeout: TIMEOUT_MS }, async () => {
      // Arrange / Act: every case started on both emulators with the suite
      const result = await runs?.of(testCase);

      // Assert
      if (!result) throw new Error('the emulators did not start');
      expectBehaviour(testCase, result.local);
    });

    it(`${testCase.name} (same under the official client)`, { timeout: TIMEOUT_MS }, async ({
      skip,
    }) => {
      // Arrange
      if (!official.available) {
        if (comparisonRequired()) {
          throw new Error(`CI must compare with the official runtime client: ${official.reason}`);
        }
        skip(`the official runtime client cannot run here: ${official.reason}`);
      }

      // Act
      const result = await runs?.of(testCase);

      // Assert
      expect(result?.official).toBeDefined();
      expect(result?.local).toEqual(result?.official);
    });
  }
});
