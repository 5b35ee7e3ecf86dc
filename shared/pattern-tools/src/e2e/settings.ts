import { E2eSetupError } from './errors.js';

/** Where the suite runs: the local emulator (default) or deployed stacks. */
export type E2eTargetKind = 'local' | 'aws';

/** Names of the environment variables through which `lambda-e2e` configures the test files. */
export const E2E_ENV = {
  /** `local` or `aws`. */
  target: 'E2E_TARGET',
  /** JSON object of stack names by pattern slug, e.g. `{"ttfb-write":"my-ttfb-write"}`. */
  stacks: 'E2E_STACKS',
} as const;

/** The suite's settings, as the test files see them. */
export interface E2eSettings {
  kind: E2eTargetKind;
  /** Stack names by pattern slug; a pattern without one uses its samconfig.toml. */
  stacks: Readonly<Record<string, string>>;
}

/**
 * Reads the settings from the environment. `npm test` never sets them (turbo passes no
 * `E2E_*` variable to the `test` task), so it always runs the local target.
 *
 * @param env - The environment (default `process.env`).
 * @returns The target kind and the stack names.
 * @throws {@link E2eSetupError} for an unknown target or stacks that are not a JSON object of strings.
 * @example
 * ```ts
 * e2eSettings({ E2E_TARGET: 'aws', E2E_STACKS: '{"sdk-invoke":"demo"}' }).stacks['sdk-invoke']; // 'demo'
 * ```
 */
export function e2eSettings(env: NodeJS.ProcessEnv = process.env): E2eSettings {
  const kind = env[E2E_ENV.target] || 'local';
  if (kind !== 'local' && kind !== 'aws') {
    throw new E2eSetupError(`${E2E_ENV.target} must be local or aws, not "${kind}".`);
  }
  return { kind, stacks: parseStacks(env[E2E_ENV.stacks]) };
}

function parseStacks(raw: string | undefined): Record<string, string> {
  if (!raw) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    parsed = undefined;
  }
  const valid =
    typeof parsed === 'object' &&
    parsed !== null &&
    !Array.isArray(parsed) &&
    Object.values(parsed).every((name) => typeof name === 'string' && name !== '');
  if (!valid) {
    throw new E2eSetupError(
      `${E2E_ENV.stacks} must be a JSON object of stack names by pattern, such as ` +
        `{"ttfb-write":"my-stack"}, not ${raw}.`,
    );
  }
  return parsed as Record<string, string>;
}
