/**
 * The patterns' end-to-end suite: one set of client-visible tests (real curl, the AWS SDK,
 * boto3) that runs against local-lambda by default and against the deployed stacks with
 * `npm run test:e2e -- --target aws`. Where AWS's behaviour is unconfirmed, the aws target
 * records what it observes instead of asserting the emulator's choice.
 *
 * @example
 * ```ts
 * import { curl, type E2eTarget, startE2eTarget } from '@lambda-streaming/pattern-tools/e2e';
 *
 * let target: E2eTarget;
 * beforeAll(async () => { target = await startE2eTarget(import.meta.url); });
 * afterAll(() => target.close());
 * it('streams', async () => {
 *   const page = await curl({ url: target.url('TtfbWriteFunction'), signing: target.signing });
 *   expect(page.status).toBe(200);
 * });
 * ```
 *
 * @module
 */
export { expectArrivalOverTime } from './arrival.js';
export type { E2eFunction, E2eRestApi } from './backend.js';
export { type Boto3StreamResult, boto3InvokeStream } from './boto3.js';
export { type CurlRequest, type CurlResult, curl } from './curl.js';
export { E2eSetupError } from './errors.js';
export { invokeStream, type StreamedInvocation, type TimedPayload } from './invoke.js';
export { OBSERVATIONS_REPORT, type Observation } from './observations.js';
export { AWS_SETUP_HINT, checkAwsAccess } from './preflight.js';
export { OPEN_QUESTIONS } from './questions.js';
export { E2E_ENV, type E2eTargetKind } from './settings.js';
export { type E2eTarget, startE2eTarget } from './target.js';
export { arrivalSpreadMs } from './timing.js';
