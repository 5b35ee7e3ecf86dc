/**
 * Whether the official runtime client (`aws-lambda-ric`, an optional dependency whose native part
 * is built at install) can run on this machine, and if not, why. On a developer's machine the
 * comparison is then skipped with that reason; in CI (`CI=true`) it fails instead.
 */
import { resolveRuntimeCommand } from '../../src/environments/runtime-command.js';

/** Available, or the reason it is not. */
export type OfficialClientStatus = { available: true } | { available: false; reason: string };

/**
 * Asks the emulator for the official client's command, as it will when it starts a function:
 * that fails when the package is missing or its native part was not built.
 *
 * @returns Whether the official client can run, or why not.
 * @example
 * ```ts
 * const status = officialClientStatus();
 * if (!status.available) console.warn(status.reason);
 * ```
 */
export function officialClientStatus(): OfficialClientStatus {
  try {
    resolveRuntimeCommand('official', process.execPath, 'index.handler');
    return { available: true };
  } catch (error) {
    const hint = 'an optional dependency, built by `npm ci` once its build tools are installed';
    return { available: false, reason: `${(error as Error).message} (${hint})` };
  }
}

/** `true` in CI, where the comparison must run: a missing official client is a failure there. */
export function comparisonRequired(): boolean {
  return process.env.CI === 'true';
}
