/**
 * Whether each Node.js runtime's official runtime client (`aws-lambda-ric` 3.3.0 for `nodejs22.x`,
 * 4.x for `nodejs24.x`: optional dependencies whose native part is built at install) can run on
 * this machine, and if not, why. On a developer's machine that runtime's comparison is then
 * skipped with the reason; in CI (`CI=true`) it fails instead.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  locateOfficialClient,
  officialClientFor,
} from '../../src/environments/official-runtime-client.js';

/** The Node.js runtimes every case runs on. */
export const NODE_RUNTIMES = ['nodejs22.x', 'nodejs24.x'] as const;

/** One of {@link NODE_RUNTIMES}. */
export type NodeRuntime = (typeof NODE_RUNTIMES)[number];

/** Available (with the client's name and version), or the reason it is not. */
export type OfficialClientStatus =
  | { available: true; client: string }
  | { available: false; reason: string };

/**
 * Looks for the official client of a runtime as the emulator will when it starts a function:
 * that fails when the package is missing or its native part was not built.
 *
 * @param runtime - The Node.js runtime.
 * @returns Whether its official client can run, or why not.
 * @example
 * ```ts
 * const status = officialClientStatus('nodejs24.x');
 * if (!status.available) console.warn(status.reason);
 * ```
 */
export function officialClientStatus(runtime: NodeRuntime): OfficialClientStatus {
  const client = officialClientFor(runtime);
  try {
    const root = locateOfficialClient(client);
    const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    return { available: true, client: `aws-lambda-ric ${version} (${client.packageName})` };
  } catch (error) {
    const hint = 'an optional dependency, built by `npm ci` once its build tools are installed';
    return { available: false, reason: `${(error as Error).message} (${hint})` };
  }
}

/** One line per runtime: which official client the suite compares with, or why it cannot. */
export function describeOfficialClients(): string {
  return NODE_RUNTIMES.map((runtime) => {
    const status = officialClientStatus(runtime);
    return `${runtime}: ${status.available ? status.client : `unavailable, ${status.reason}`}`;
  }).join('\n');
}

/** `true` in CI, where the comparison must run: a missing official client is a failure there. */
export function comparisonRequired(): boolean {
  return process.env.CI === 'true';
}
