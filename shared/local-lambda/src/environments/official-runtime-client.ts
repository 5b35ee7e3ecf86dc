/**
 * The official runtime clients, run unchanged: each Node.js runtime gets the `aws-lambda-ric` that
 * Lambda runs for it. `nodejs22.x` runs 3.3.0 (`bin/index.mjs <handler>`); `nodejs24.x` and later run
 * 4.x (`index.mjs`, which reads the handler from `_HANDLER` only). Both are optional dependencies
 * whose native part (`rapid-client.node`) is built by `npm install`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { nodeMajorOf } from './node-binary.js';
import { RuntimeClientNotFoundError } from './runtime-client-error.js';

/** One official client: the npm name it is installed under and how it starts. */
export interface OfficialClient {
  /** `aws-lambda-ric` or the alias `aws-lambda-ric-4`. */
  packageName: string;
  /** The major version it must be. */
  major: 3 | 4;
  /** Where its native part lies, relative to the package. */
  nativeModule: string;
  /** The argv after the Node.js binary. */
  args(root: string, handler: string): string[];
  /**
   * Variables it must never see. 4.x switches to worker threads (Lambda Managed Instances) when
   * `AWS_LAMBDA_MAX_CONCURRENCY` is merely present (its `src/utils/env.ts`); on-demand never sets it.
   */
  withheldVariables: string[];
}

const RIC_3: OfficialClient = {
  packageName: 'aws-lambda-ric',
  major: 3,
  nativeModule: join('dist', 'rapid-client.node'),
  args: (root, handler) => [join(root, 'bin', 'index.mjs'), handler],
  withheldVariables: [],
};

const RIC_4: OfficialClient = {
  packageName: 'aws-lambda-ric-4',
  major: 4,
  nativeModule: 'rapid-client.node',
  args: (root) => [join(root, 'index.mjs')],
  withheldVariables: ['AWS_LAMBDA_MAX_CONCURRENCY'],
};

/**
 * The official client Lambda runs for a runtime: 4.x from `nodejs24.x` on (its
 * `src/context/constants.ts`: "used by Nodejs24 and above"), 3.3.0 before.
 *
 * @param runtime - The function's `Runtime`, e.g. `nodejs24.x`.
 * @returns The client's description.
 * @example
 * ```ts
 * officialClientFor('nodejs24.x').packageName; // 'aws-lambda-ric-4'
 * ```
 */
export function officialClientFor(runtime: string): OfficialClient {
  return (nodeMajorOf(runtime) ?? 0) >= 24 ? RIC_4 : RIC_3;
}

function manifestOf(packageName: string): string | undefined {
  for (const base of [join(process.cwd(), 'noop.js'), import.meta.url]) {
    try {
      return createRequire(base).resolve(`${packageName}/package.json`);
    } catch {
      // not installed there; try the next place
    }
  }
  return undefined;
}

/** Why 4.x may be missing although the lockfile has it: npm skips it under Node.js < 22. */
const ENGINES_HINT =
  'aws-lambda-ric 4 declares engines.node >=22 and npm silently skips an optional dependency ' +
  "whose engines the Node.js running npm does not satisfy: run npm with the project's Node.js 22, " +
  '`node_modules/.bin/node "$(dirname "$(readlink -f "$(command -v npm)")")/npm-cli.js" install`';

/**
 * Finds an official client's package folder and checks its native part was built.
 *
 * @param client - From {@link officialClientFor}.
 * @returns The package folder; throws {@link RuntimeClientNotFoundError} with what to do.
 * @example
 * ```ts
 * const root = locateOfficialClient(officialClientFor('nodejs22.x'));
 * ```
 */
export function locateOfficialClient(client: OfficialClient): string {
  const label = `The official runtime client aws-lambda-ric ${client.major}.x (npm package ${client.packageName})`;
  const manifest = manifestOf(client.packageName);
  if (!manifest) {
    const fix = client.major === 4 ? ENGINES_HINT : 'run `npm install`';
    throw new RuntimeClientNotFoundError(`${label} is not installed: ${fix}.`);
  }
  const { version = '' } = JSON.parse(readFileSync(manifest, 'utf8')) as { version?: string };
  if (Number(version.split('.')[0]) !== client.major) {
    throw new RuntimeClientNotFoundError(`${label} is version ${version}, not ${client.major}.x.`);
  }
  const root = dirname(manifest);
  // Without the build tools npm drops the optional dependency or leaves it unbuilt. It registers
  // through N-API, so the build loads in the function's Node.js as in the one it was built with.
  if (!existsSync(join(root, client.nativeModule))) {
    const tools =
      client.major === 4
        ? 'cmake, make, g++ and python3'
        : 'autoconf, automake, libtool, cmake, make and g++';
    throw new RuntimeClientNotFoundError(
      `${label} has no native part (${client.nativeModule}): install ${tools}, then reinstall it.`,
    );
  }
  return root;
}
