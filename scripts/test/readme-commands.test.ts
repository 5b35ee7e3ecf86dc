/**
 * The guard of issue 15: every command a README shows works as pasted, or says why it cannot
 * run here. Each shell line of every README is classified (scripts/readme-commands/kinds.ts),
 * checked against what exists (npm scripts and workspaces, files, each tool's --help), and the
 * local ones are run against the emulator on the ports the READMEs name (3000-3006).
 */
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { type ClassifiedLine, classifyLines } from '../readme-commands/classify.js';
import {
  busyReadmePorts,
  EMULATORS,
  README_EMULATOR,
  startEmulator,
} from '../readme-commands/emulators.js';
import { outcomeProblem } from '../readme-commands/expectations.js';
import { readmeShellLines } from '../readme-commands/extract.js';
import { KIND_MEANINGS } from '../readme-commands/kinds.js';
import { runReadmeSession } from '../readme-commands/run-sessions.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const where = (line: ClassifiedLine) => `${line.readme}:${line.line}: ${line.text}`;

let lines: ClassifiedLine[];
beforeAll(() => {
  lines = classifyLines(root, readmeShellLines(root));
}, 120_000);

describe('README commands', () => {
  it('reads the shell blocks of every README', () => {
    // Assert
    const readmes = new Set(lines.map((line) => line.readme));
    expect(readmes).toContain('README.md');
    expect(readmes).toContain('shared/local-lambda/README.md');
    expect([...readmes].filter((readme) => readme.startsWith('patterns/')).length).toBe(5);
  });

  it('gives every shell line a kind', () => {
    // Assert
    const unclassified = lines
      .filter((line) => line.kind === undefined)
      .map(
        (line) =>
          `${where(line)}  (${line.reason}; kinds: ${Object.keys(KIND_MEANINGS).join(', ')})`,
      );
    expect(unclassified).toEqual([]);
  });

  it('names only scripts, workspaces, files and options that exist', () => {
    // Assert
    const problems = lines.flatMap((line) =>
      line.problems.map((problem) => `${where(line)}  → ${problem}`),
    );
    expect(problems).toEqual([]);
  });

  it('runs every local command as pasted, against the emulator on the README ports', async () => {
    // Arrange
    const busy = await busyReadmePorts();
    if (busy.length > 0) {
      throw new Error(
        `ports ${busy.join(', ')} are in use: this test serves the READMEs' ports 3000-3006 (is \`npm start\` running?); stop it and run again`,
      );
    }
    const failures: string[] = [];

    // Act: one emulator at a time, the READMEs that use it in parallel sessions.
    for (const which of Object.keys(EMULATORS) as (keyof typeof EMULATORS)[]) {
      const readmes = [...new Set(lines.map((line) => line.readme))].filter(
        (readme) => (README_EMULATOR[readme] ?? 'patterns') === which,
      );
      const emulator = await startEmulator(root, which);
      try {
        const runs = await Promise.all(
          readmes.map((readme) =>
            runReadmeSession(
              root,
              lines.filter((line) => line.readme === readme),
            ),
          ),
        );
        for (const run of runs.flat()) {
          const problem =
            run.exitCode === undefined
              ? 'did not finish within the session time'
              : outcomeProblem(run.line.text, run.exitCode, run.output);
          if (problem)
            failures.push(`${where(run.line)}\n  → ${problem}\n${run.output.slice(-600)}`);
        }
      } finally {
        await emulator.stop();
      }
    }

    // Assert
    expect(failures).toEqual([]);
  }, 240_000);
});
