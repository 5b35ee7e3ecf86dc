/** How a README shell line is treated by the checker: every line gets exactly one kind. */

/** The kinds, from the most restrictive (what decides a line of several commands) down. */
export const KINDS = [
  'needs-aws',
  'illustrative',
  'prerequisite',
  'starts-emulator',
  'not-run-here',
  'needs-emulator',
  'runs-locally',
  'setup',
] as const;

export type Kind = (typeof KINDS)[number];

/** What each kind means and whether the checker runs it. */
export const KIND_MEANINGS: Record<Kind, string> = {
  'needs-aws': 'needs an AWS account or a deployed stack: checked, not run',
  illustrative: 'a placeholder, a usage synopsis or shown output: checked, not run',
  prerequisite: 'what the checkout the test runs in already did (clone, npm ci): checked, not run',
  'starts-emulator': 'starts the emulator: the test starts it itself on the ports the README names',
  'not-run-here': 'builds, tests or rewrites files, which npm test does before: checked, not run',
  'needs-emulator': 'talks to the emulator on the ports the README names: run',
  'runs-locally': 'runs on this machine alone: run',
  setup: 'sets up the shell (export, unset, a function, cd): run, for the lines after it',
};

/** The kinds the checker runs, in a shell session per README. */
export const RUN_KINDS: readonly Kind[] = ['needs-emulator', 'runs-locally', 'setup'];

/**
 * The kind of a line made of several commands: the most restrictive one.
 *
 * @param kinds - The kinds of its commands.
 * @returns The line's kind.
 * @example
 * ```ts
 * strongest(['needs-emulator', 'runs-locally']); // 'needs-emulator'
 * ```
 */
export function strongest(kinds: readonly Kind[]): Kind {
  return KINDS.find((kind) => kinds.includes(kind)) ?? 'setup';
}
