import { SignatureV4 } from '@smithy/signature-v4';
import {
  type AuthFailure,
  incompleteSignature,
  invalidSignature,
  missingAuthentication,
} from './auth-failure.js';
import { type ParsedAuthorization, parseAuthorization } from './authorization-header.js';
import { constantTimeEqual } from './constant-time.js';
import type { SigV4Credentials } from './credentials.js';
import type { ReceivedRequest } from './received-request.js';
import { DEFAULT_SHA256, type Sha256Constructor } from './sha256.js';
import { canonicalHeaderValues, signableFromReceived } from './signable-request.js';
import { countHeaders, readSigningDate, repeatedAuthorizationMessage } from './signing-date.js';
import { checkClock, checkIdentity, checkScope, payloadHashMatches } from './sigv4-checks.js';

/** What requests are checked against. */
export interface SigV4VerifierOptions {
  credentials: SigV4Credentials;
  region: string;
  /**
   * Signing service: `lambda` (the default) for the Lambda API and function URLs alike (spec §6.3
   * step 7), `execute-api` for API Gateway; both build the canonical request the same way.
   */
  service?: string;
  /** Largest accepted difference between `x-amz-date` and now; 5 minutes as AWS-wide. */
  maxClockSkewMs?: number;
  /** Clock, for tests. */
  now?: () => Date;
  /** SHA-256 implementation; pass `NodeSha256` in Node, where this runs on every request. */
  sha256?: Sha256Constructor;
}

/** The outcome of a verification. */
export type SigV4Result = { ok: true; accessKeyId: string } | { ok: false; failure: AuthFailure };

/** A request whose body has not been read yet. */
export type ReceivedHead = Omit<ReceivedRequest, 'body'>;

/**
 * Checks one received request. `head`, when present, runs every check that needs no body
 * (header syntax, identity, scope, clock): a server calls it before reading the body, so an
 * unsigned or mis-signed upload is refused without being held.
 */
export type SigV4Verifier = ((request: ReceivedRequest) => Promise<SigV4Result>) & {
  head?: (request: ReceivedHead) => AuthFailure | undefined;
};

interface Settings extends SigV4VerifierOptions {
  service: string;
  sha256: Sha256Constructor;
  signer: SignatureV4;
}

/**
 * Creates a SigV4 verifier for one set of credentials, region and service. The expected
 * signature is computed by `@smithy/signature-v4` (the SDK's own signer) over the request
 * rebuilt with exactly the signed headers and the received date, then compared in constant
 * time; what AWS checks besides (header syntax, scope, clock, token) comes first, each failure
 * with AWS's error type and message.
 *
 * @param options - Credentials, region, service, clock, hash.
 * @returns A function that resolves to `{ ok: true }` or the failure AWS would report.
 * @example
 * ```ts
 * const verify = createSigV4Verifier({ credentials, region: 'us-east-1', sha256: NodeSha256 });
 * const result = await verify(toReceivedRequest(req, body));
 * if (!result.ok) sendForbidden(res, result.failure);
 * ```
 */
export function createSigV4Verifier(options: SigV4VerifierOptions): SigV4Verifier {
  const service = options.service ?? 'lambda';
  const sha256 = options.sha256 ?? DEFAULT_SHA256;
  const { accessKeyId, secretAccessKey } = options.credentials;
  const signer = new SignatureV4({
    service,
    region: options.region,
    // The session token is checked separately and signed only if the client signed it.
    credentials: { accessKeyId, secretAccessKey },
    sha256,
    // Never add x-amz-content-sha256: curl 7.88 does not send it (spec §6.1).
    applyChecksum: false,
  });
  const settings: Settings = { ...options, service, sha256, signer };
  const verify = async (request: ReceivedRequest): Promise<SigV4Result> => {
    const head = checkHead(request, settings);
    const failure =
      'errorType' in head
        ? head
        : await checkSignature(request, head.headers, head.parsed, head.signingDate, settings);
    return failure ? { ok: false, failure } : { ok: true, accessKeyId };
  };
  return Object.assign(verify, {
    head: (request: ReceivedHead) => {
      const head = checkHead(request, settings);
      return 'errorType' in head ? head : undefined;
    },
  });
}

interface PassedHead {
  headers: Map<string, string>;
  parsed: ParsedAuthorization;
  signingDate: Date;
}

function checkHead(request: ReceivedHead, settings: Settings): PassedHead | AuthFailure {
  const headers = canonicalHeaderValues(request.rawHeaders);
  const authorization = headers.get('authorization');
  if (authorization === undefined || authorization === '') return missingAuthentication();
  const repeated = countHeaders(request.rawHeaders, 'authorization');
  if (repeated > 1) return incompleteSignature(repeatedAuthorizationMessage(repeated));
  const parsed = parseAuthorization(authorization);
  if ('errorType' in parsed) return parsed;
  const dated = readSigningDate(headers, authorization);
  if ('errorType' in dated) return dated;
  return (
    checkIdentity(parsed, headers.get('x-amz-security-token'), settings) ??
    checkScope(parsed, dated.amzDate, settings) ??
    checkClock(dated.signingDate, settings) ?? {
      headers,
      parsed,
      signingDate: dated.signingDate,
    }
  );
}

async function checkSignature(
  request: ReceivedRequest,
  headers: Map<string, string>,
  parsed: ParsedAuthorization,
  signingDate: Date,
  settings: Settings,
): Promise<AuthFailure | undefined> {
  const claimedHash = headers.get('x-amz-content-sha256');
  if (!(await payloadHashMatches(request.body, claimedHash, settings.sha256))) {
    return invalidSignature();
  }
  const signed = new Set(parsed.signedHeaders);
  const unsigned = new Set([...headers.keys()].filter((name) => !signed.has(name)));
  // The signer always adds x-amz-date; keep it out of the canonical headers unless it was signed.
  if (!signed.has('x-amz-date')) unsigned.add('x-amz-date');
  // A signed `date` header cannot be reproduced: the signer drops it (it only writes x-amz-date).
  const result = await settings.signer.sign(signableFromReceived(request, headers), {
    signingDate,
    signableHeaders: signed,
    unsignableHeaders: unsigned,
  });
  const expected = /Signature=([0-9a-f]{64})/.exec(result.headers.authorization ?? '')?.[1] ?? '';
  return constantTimeEqual(expected, parsed.signature) ? undefined : invalidSignature();
}
