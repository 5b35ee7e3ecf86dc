/**
 * The end-to-end suite cannot run as asked: no credentials, no region, a stack that is not
 * deployed, an unknown option. The message says what to do; the runner prints it without a
 * stack trace.
 */
export class E2eSetupError extends Error {
  override name = 'E2eSetupError';
}
