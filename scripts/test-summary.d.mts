/** Types of test-summary.mjs (plain JavaScript, so that `npm test` needs no TypeScript loader). */
export interface TestCounts {
  passed: number;
  failed: number;
  skipped: number;
}

export interface TurboRunSummary {
  packages?: string[];
  tasks: Array<{
    task: string;
    package: string;
    logFile: string;
    cache: { status: string };
    execution?: { exitCode?: number | null };
  }>;
}

export interface SummedCounts {
  totals: TestCounts;
  packages: number;
  replayed: number;
  missing: string[];
}

export function countTests(log: string): TestCounts | undefined;
export function sumTestCounts(
  summary: TurboRunSummary,
  readLog: (logFile: string) => string | undefined,
  tested?: readonly string[],
): SummedCounts;
export function formatSummary(result: SummedCounts): string;
