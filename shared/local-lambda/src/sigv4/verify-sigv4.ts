import { SignatureV4 } from '@smithy/signature-v4';
import type { LocalCredentials } from '../defaults.js';
import { parseAmzDate } from './amz-date.js';
import {
  type AuthFailure,
  incompleteSignature,
  invalidSignature,
  missingAuthentication,
} from './auth-failure.js';
import { type ParsedAuthorization, parseAuthorization } from './authorization-header.js';
import { NodeSha256 } from './node-sha256.js';
import type { ReceivedRequest } from './received-request.js';
import { canonicalHeaderValues, toSignableRequest } from './signable-request.js';
import {
  checkClock,
  checkIdentity,
  checkScope,
  payloadHashMatches,
  safeEqual,
} from './sigv4-checks.js';

/** What requests are checked against. */
export interface SigV4VerifierOptions {
  credentials: LocalCredentials;
  region: string;
  /** Signing service; `lambda` for the API and function URLs alike (spec §6.3 step 7). */
  service?: string;
  /** Largest accepted difference between `x-amz-date` and now; 5 minutes as AWS-wide. */
  maxClockSkewMs?: number;
  /** Clock, for tests. */
  now?: () => Date;
}

/** The outcome of a verification. */
export type SigV4Result = { ok: true; accessKeyId: string } | { ok: false; failure: AuthFailure };

/** Checks one received request. */
export type SigV4Verifier = (request: ReceivedRequest) => Promise<SigV4Result>;

/**
 * Creates a SigV4 verifier for the emulator's credentials and region. The expected signature is
 * computed by `@smithy/signature-v4` (the SDK's own signer) over the request rebuilt with exactly
 * the signed headers and the received date, then compared in constant time.
 *
 * @param options - Credentials, region, service, clock.
 * @returns A function that resolves to `{ ok: true }` or the failure AWS would report.
 * @example
 * ```ts
 * const verify = createSigV4Verifier({ credentials, region: 'us-east-1' });
 * const result = await verify(toReceivedRequest(req, body));
 * if (!result.ok) sendForbidden(res, result.failure);
 * ```
 */
export function createSigV4Verifier(options: SigV4VerifierOptions): SigV4Verifier {
  const service = options.service ?? 'lambda';
  const { accessKeyId, secretAccessKey } = options.credentials;
  const signer = new SignatureV4({
    service,
    region: options.region,
    // The session token is checked separately and signed only if the client signed it.
    credentials: { accessKeyId, secretAccessKey },
    sha256: NodeSha256,
    // Never add x-amz-content-sha256: curl 7.88 does not send it (spec §6.1).
    applyChecksum: false,
  });
  const settings = { ...options, service, signer };
  return async (request) => {
    const failure = await check(request, settings);
    return failure ? { ok: false, failure } : { ok: true, accessKeyId };
  };
}

interface Settings extends SigV4VerifierOptions {
  service: string;
  signer: SignatureV4;
}

async function check(
  request: ReceivedRequest,
  settings: Settings,
): Promise<AuthFailure | undefined> {
  const headers = canonicalHeaderValues(request.rawHeaders);
  const authorization = headers.get('authorization');
  if (authorization === undefined || authorization === '') return missingAuthentication();
  const parsed = parseAuthorization(authorization);
  if ('errorType' in parsed) return parsed;
  const amzDate = headers.get('x-amz-date');
  const signingDate = amzDate === undefined ? undefined : parseAmzDate(amzDate);
  if (amzDate === undefined) {
    return incompleteSignature(
      `Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. Authorization=${authorization}`,
    );
  }
  if (signingDate === undefined) {
    return incompleteSignature(`Date must be in ISO-8601 'basic format'. Got '${amzDate}'.`);
  }
  return (
    checkIdentity(parsed, headers.get('x-amz-security-token'), settings) ??
    checkScope(parsed, amzDate, settings) ??
    checkClock(signingDate, settings) ??
    (await checkSignature(request, headers, parsed, signingDate, settings))
  );
}

async function checkSignature(
  request: ReceivedRequest,
  headers: Map<string, string>,
  parsed: ParsedAuthorization,
  signingDate: Date,
  settings: Settings,
): Promise<AuthFailure | undefined> {
  if (!payloadHashMatches(request.body, headers.get('x-amz-content-sha256')))
    return invalidSignature();
  const signed = new Set(parsed.signedHeaders);
  const unsigned = new Set([...headers.keys()].filter((name) => !signed.has(name)));
  // The signer always adds x-amz-date; keep it out of the canonical headers unless it was signed.
  if (!signed.has('x-amz-date')) unsigned.add('x-amz-date');
  // A signed `date` header cannot be reproduced: the signer drops it (it only writes x-amz-date).
  const result = await settings.signer.sign(toSignableRequest(request, headers), {
    signingDate,
    signableHeaders: signed,
    unsignableHeaders: unsigned,
  });
  const expected = /Signature=([0-9a-f]{64})/.exec(result.headers.authorization ?? '')?.[1] ?? '';
  return safeEqual(expected, parsed.signature) ? undefined : invalidSignature();
}
