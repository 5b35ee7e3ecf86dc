import { describe, expect, it } from 'vitest';
import {
  countTests,
  formatSummary,
  sumTestCounts,
  type TurboRunSummary,
} from '../test-summary.mjs';

const ESC = String.fromCharCode(27);
/** The end of a vitest run as turbo logs it, colours included. */
const vitestEnd = (tests: string) =>
  [
    `${ESC}[2m Test Files ${ESC}[22m ${ESC}[1m${ESC}[32m9 passed${ESC}[39m${ESC}[22m`,
    `${ESC}[2m      Tests ${ESC}[22m ${tests}`,
    `${ESC}[2m   Start at ${ESC}[22m 19:36:09`,
  ].join('\n');

function task(pkg: string, status: 'HIT' | 'MISS', ran = true) {
  return {
    task: 'test',
    package: pkg,
    logFile: `${pkg}/.turbo/turbo-test.log`,
    cache: { status },
    ...(ran ? { execution: { exitCode: 0 } } : {}),
  };
}

describe('npm test summary', () => {
  it.each([
    ['109 passed (109)', { passed: 109, failed: 0, skipped: 0 }],
    ['2 failed | 89 passed (91)', { passed: 89, failed: 2, skipped: 0 }],
    ['3 passed | 2 skipped | 1 todo (6)', { passed: 3, failed: 0, skipped: 3 }],
  ])('reads "Tests  %s" from a vitest log', (line, expected) => {
    // Act
    const counts = countTests(vitestEnd(`${ESC}[1m${line}${ESC}[22m`));

    // Assert
    expect(counts).toEqual(expected);
  });

  it('has no counts for a log without a Tests line', () => {
    // Act
    const counts = countTests('Error: Cannot find module @lambda-streaming/testing/setup\n');

    // Assert
    expect(counts).toBeUndefined();
  });

  it('counts a suite that runs on its own (test:conformance) and never test:watch', () => {
    // Arrange
    const summary = {
      packages: ['a'],
      tasks: [
        { ...task('a', 'MISS'), task: 'test:conformance' },
        { ...task('a', 'MISS'), task: 'test:watch', logFile: 'watch.log' },
      ],
    } as TurboRunSummary;
    const logs: Record<string, string> = {
      'a/.turbo/turbo-test.log': vitestEnd('164 passed (164)'),
      'watch.log': vitestEnd('7 passed (7)'),
    };

    // Act
    const result = sumTestCounts(summary, (file) => logs[file]);

    // Assert
    expect(result.totals).toEqual({ passed: 164, failed: 0, skipped: 0 });
  });

  it('sums the test tasks, says which were replayed and which have no counts', () => {
    // Arrange
    const summary: TurboRunSummary = {
      tasks: [
        { ...task('a', 'MISS'), task: 'build' },
        task('a', 'MISS'),
        task('b', 'HIT'),
        task('c', 'MISS', false),
      ],
    };
    const logs: Record<string, string> = {
      'a/.turbo/turbo-test.log': vitestEnd('1 failed | 10 passed (11)'),
      'b/.turbo/turbo-test.log': vitestEnd('5 passed | 1 skipped (6)'),
      'c/.turbo/turbo-test.log': vitestEnd('99 passed (99)'),
    };

    // Act
    const text = formatSummary(sumTestCounts(summary, (file) => logs[file], ['a', 'b', 'c', 'd']));

    // Assert
    expect(text).toBe(
      "Tests of 2 packages (1 replayed from turbo's cache, 1 run now); no counts from c, d (not run)\n15 passed, 1 failed, 1 skipped\n",
    );
  });

  it("says so when every count comes from turbo's cache", () => {
    // Arrange
    const summary: TurboRunSummary = { tasks: [task('a', 'HIT'), task('b', 'HIT')] };

    // Act
    const text = formatSummary(sumTestCounts(summary, () => vitestEnd('2 passed (2)')));

    // Assert
    expect(text.split('\n')).toEqual([
      "Tests of 2 packages (all 2 replayed from turbo's cache: counts of their last run, nothing changed since)",
      '4 passed, 0 failed, 0 skipped',
      '',
    ]);
  });
});
