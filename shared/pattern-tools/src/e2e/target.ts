import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { LambdaClient } from '@aws-sdk/client-lambda';
import type { AwsCredentials } from '@lambda-streaming/streaming/client';
import { readSamconfigStackName } from '@lambda-streaming/streaming/client';
import { expect } from 'vitest';
import { startAwsBackend } from './aws-backend.js';
import type { E2eBackend } from './backend.js';
import { startLocalBackend } from './local-backend.js';
import { ObservationLog } from './observations.js';
import { checkAwsAccess } from './preflight.js';
import { findRepoRoot, patternSlug, toPath } from './repo.js';
import { type E2eTargetKind, e2eSettings } from './settings.js';

/** Where the end-to-end tests of one test file send their requests. */
export interface E2eTarget {
  readonly kind: E2eTargetKind;
  /** The pattern's slug. */
  readonly pattern: string;
  /** What curl (`--aws-sigv4`) and the SDKs sign with. */
  readonly signing: { region: string; credentials: AwsCredentials };
  /** Lambda API endpoint for SDK clients; `undefined` on AWS (the regional endpoint). */
  readonly endpoint: string | undefined;
  /** A Lambda client for this target (one attempt per call: an invocation is never retried). */
  readonly lambda: LambdaClient;
  /** The name to invoke a function by, from its logical ID. */
  functionName(logicalId: string): string;
  /** The function URL of a function, with `path` (e.g. `'?pad=1'`) resolved against it. */
  url(logicalId: string, path?: string): string;
  /**
   * A URL on a REST API's first stage: `path` (e.g. `'report/stream?sections=2'`) resolved
   * against `…/<stage>/`, so `'../Other/x'` reaches another stage. Sign with service
   * `execute-api` (`curl({ ..., service: 'execute-api' })`).
   */
  restApiUrl(logicalId: string, path?: string): string;
  /**
   * A behaviour AWS has not confirmed: asserts local-lambda's documented choice on the local
   * target; records what AWS did, next to that choice, on the aws target, with `details`
   * (such as chunk arrival times) that help to read the observation.
   */
  unconfirmed(question: string, observed: unknown, localChoice: unknown, details?: unknown): void;
  /** Stops the emulator (local) or writes the observations (aws). */
  close(): Promise<void>;
}

/**
 * Starts the target of a pattern's end-to-end test file: local-lambda over the pattern's
 * template (the default), or the deployed stack when `lambda-e2e --target aws` runs the
 * suite. Call it in `beforeAll`, and `close()` in `afterAll`.
 *
 * @param testFile - The test file's `import.meta.url`; its pattern is the nearest folder above
 *   with a template.yaml.
 * @returns The target.
 * @throws {@link E2eSetupError} when the aws target has no credentials, region or stack.
 * @example
 * ```ts
 * let target: E2eTarget;
 * beforeAll(async () => { target = await startE2eTarget(import.meta.url); });
 * afterAll(() => target.close());
 * ```
 */
export async function startE2eTarget(testFile: string | URL): Promise<E2eTarget> {
  const file = toPath(testFile);
  const patternDir = findPatternDir(file);
  const settings = e2eSettings();
  const pattern = patternSlug(patternDir);
  if (settings.kind === 'local') return createTarget(await startLocalBackend(patternDir), pattern);
  const access = await checkAwsAccess();
  const stack = settings.stacks[pattern] ?? (await readSamconfigStackName(patternDir)) ?? pattern;
  const backend = await startAwsBackend(access, stack);
  const log = new ObservationLog({
    pattern,
    testFile: basename(file),
    stack,
    region: access.region,
  });
  return createTarget(backend, pattern, { log, repoRoot: findRepoRoot(patternDir) });
}

function createTarget(
  backend: E2eBackend,
  pattern: string,
  report?: { log: ObservationLog; repoRoot: string },
): E2eTarget {
  const { region, credentials, endpoint } = backend;
  const lambda = new LambdaClient({
    region,
    credentials,
    maxAttempts: 1,
    ...(endpoint ? { endpoint } : {}),
  });
  return {
    kind: backend.kind,
    pattern,
    signing: { region, credentials },
    endpoint,
    lambda,
    functionName: (logicalId) => backend.lookup(logicalId).name,
    url(logicalId, path = '') {
      const { url } = backend.lookup(logicalId);
      if (!url) throw new Error(`${logicalId} has no function URL`);
      return new URL(path, url).toString();
    },
    restApiUrl(logicalId, path = '') {
      const { url } = backend.lookupRestApi(logicalId);
      return new URL(path.replace(/^\//, ''), `${url}/`).toString();
    },
    unconfirmed(question, observed, localChoice, details) {
      if (report) report.log.record(question, observed, localChoice, details);
      else expect(observed, question).toEqual(localChoice);
    },
    async close() {
      lambda.destroy();
      await backend.close();
      await report?.log.write(report.repoRoot);
    },
  };
}

function findPatternDir(file: string): string {
  for (let dir = dirname(file); dirname(dir) !== dir; dir = dirname(dir)) {
    if (existsSync(join(dir, 'template.yaml'))) return dir;
  }
  throw new Error(`No template.yaml above ${file}: is it a pattern's test file?`);
}
