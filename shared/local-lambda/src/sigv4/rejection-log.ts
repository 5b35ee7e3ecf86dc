/**
 * A request refused for its signature, told in the emulator's console in one line. The 403 keeps
 * AWS's shape and words (AWS's message for a wrong region names no region); this line is where
 * the front end, the reason, what the request was signed for and what the emulator expects are
 * all named.
 */
import {
  type AuthFailure,
  parseAuthorization,
  type ReceivedHead,
} from '@lambda-streaming/streaming/protocol';
import type { Logger } from '../logs/emulator-logger.js';
import type { SigV4Verifier } from './verify-sigv4.js';

/** What a front end's signatures are checked against, and how the front end is named. */
export interface RejectionContext {
  /** e.g. `Lambda API http://127.0.0.1:3000` or `function URL of StreamFn http://127.0.0.1:3001/`. */
  frontEnd: string;
  region: string;
  service: string;
  accessKeyId: string;
}

/**
 * One line for a refused request: front end, method and path, AWS's error type and message, what
 * the request was signed for, and what was expected.
 *
 * @param request - The refused request.
 * @param failure - Why the verifier refused it.
 * @param context - The front end and what it expects.
 * @returns The line, without a trailing newline.
 * @example
 * ```ts
 * logger.warn(describeRejection(request, failure, { frontEnd, region, service, accessKeyId }));
 * // 403 for GET / on function URL of StreamFn http://127.0.0.1:3001/: InvalidSignatureException
 * // "Credential should be scoped to a valid region." Signed with access key AKID, region
 * // eu-west-1, service lambda; expected access key AKID, region us-east-1, service lambda.
 * ```
 */
export function describeRejection(
  request: ReceivedHead,
  failure: AuthFailure,
  context: RejectionContext,
): string {
  const target = `${request.method} ${request.rawPath}${request.rawQuery ? '?…' : ''}`;
  const expected = `expected access key ${context.accessKeyId}, region ${context.region}, service ${context.service}`;
  const head = `403 for ${target} on ${context.frontEnd}:`;
  const signed = signedFor(request.rawHeaders);
  if (failure.errorType === 'MissingAuthenticationTokenException' || signed === 'unsigned') {
    return `${head} the request is not signed (no Authorization header); ${expected}.`;
  }
  return `${head} ${failure.errorType} "${failure.message}" ${signed}; ${expected}.`;
}

/** `Signed with access key …, region …, service …`, read from the `Authorization` header. */
function signedFor(rawHeaders: readonly string[]): string {
  let header: string | undefined;
  for (let index = 0; index + 1 < rawHeaders.length; index += 2) {
    if (rawHeaders[index]?.toLowerCase() === 'authorization') header = rawHeaders[index + 1];
  }
  if (!header) return 'unsigned';
  const parsed = parseAuthorization(header);
  if ('errorType' in parsed) return 'Its Authorization header cannot be read';
  return `Signed with access key ${parsed.accessKeyId}, region ${parsed.region}, service ${parsed.service}`;
}

/**
 * Wraps a verifier so that every refusal is logged as one warning line.
 *
 * @param verify - The front end's verifier.
 * @param context - The front end and what it expects.
 * @param logger - The emulator's logger.
 * @returns A verifier with the same results.
 * @example
 * ```ts
 * const verifyApi = logRejections(verify, { frontEnd: 'Lambda API', region, service: 'lambda', accessKeyId }, logger);
 * ```
 */
export function logRejections(
  verify: SigV4Verifier,
  context: RejectionContext,
  logger: Logger,
): SigV4Verifier {
  const logged: SigV4Verifier = async (request) => {
    const result = await verify(request);
    if (!result.ok) logger.warn(describeRejection(request, result.failure, context));
    return result;
  };
  const { head } = verify;
  if (!head) return logged;
  return Object.assign(logged, {
    head: (request: ReceivedHead) => {
      const failure = head(request);
      if (failure) logger.warn(describeRejection(request, failure, context));
      return failure;
    },
  });
}
