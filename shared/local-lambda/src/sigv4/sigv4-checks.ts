import { createHash, timingSafeEqual } from 'node:crypto';
import type { LocalCredentials } from '../defaults.js';
import { formatAmzDate } from './amz-date.js';
import { type AuthFailure, invalidSignature, unrecognizedClient } from './auth-failure.js';
import type { ParsedAuthorization } from './authorization-header.js';

/**
 * The checks of SigV4 verification that come before the signature itself, each returning the
 * failure AWS reports, or `undefined` when the request passes.
 *
 * @module
 */

/** What the checks compare against. */
export interface CheckSettings {
  credentials: LocalCredentials;
  region: string;
  service: string;
  maxClockSkewMs?: number;
  now?: () => Date;
}

export function checkIdentity(
  parsed: ParsedAuthorization,
  token: string | undefined,
  settings: CheckSettings,
): AuthFailure | undefined {
  if (parsed.accessKeyId !== settings.credentials.accessKeyId) return unrecognizedClient();
  const expected = settings.credentials.sessionToken;
  if (token === undefined && expected === undefined) return undefined;
  if (token === undefined || expected === undefined || !safeEqual(token, expected)) {
    return unrecognizedClient();
  }
  return undefined;
}

export function checkScope(
  parsed: ParsedAuthorization,
  amzDate: string,
  settings: CheckSettings,
): AuthFailure | undefined {
  if (parsed.service !== settings.service) {
    return invalidSignature(
      `Credential should be scoped to correct service: '${settings.service}'.`,
    );
  }
  if (parsed.region !== settings.region) {
    return invalidSignature('Credential should be scoped to a valid region.');
  }
  if (parsed.scopeDate !== amzDate.slice(0, 8)) {
    return invalidSignature(
      `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${parsed.scopeDate}' != '${amzDate.slice(0, 8)}', from '${amzDate}'.`,
    );
  }
  if (!parsed.signedHeaders.includes('host')) {
    return invalidSignature(
      "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.",
    );
  }
  return undefined;
}

const FIVE_MINUTES = 5 * 60 * 1000;

/** Rejects a date more than the allowed skew away from now, in AWS's words. */
export function checkClock(signingDate: Date, settings: CheckSettings): AuthFailure | undefined {
  const now = settings.now?.() ?? new Date();
  const skew = settings.maxClockSkewMs ?? FIVE_MINUTES;
  const minutes = `${Math.round(skew / 60_000)} min.`;
  const signed = formatAmzDate(signingDate);
  if (signingDate.getTime() < now.getTime() - skew) {
    const limit = formatAmzDate(new Date(now.getTime() - skew));
    return invalidSignature(
      `Signature expired: ${signed} is now earlier than ${limit} (${formatAmzDate(now)} - ${minutes})`,
    );
  }
  if (signingDate.getTime() > now.getTime() + skew) {
    const limit = formatAmzDate(new Date(now.getTime() + skew));
    return invalidSignature(
      `Signature not yet current: ${signed} is still later than ${limit} (${formatAmzDate(now)} + ${minutes})`,
    );
  }
  return undefined;
}

/**
 * The signer takes the payload hash from `x-amz-content-sha256` when present (the SDK sends it),
 * else hashes the body (curl 7.88 sends none; spec §6.3 step 5). A header that does not match
 * the body fails, as it would if the service hashed the body itself; UNCONFIRMED whether Lambda
 * checks it (spec §6.3), and `UNSIGNED-PAYLOAD` is refused for the same reason.
 */
export function payloadHashMatches(body: Uint8Array, header: string | undefined): boolean {
  if (header === undefined) return true;
  return createHash('sha256').update(body).digest('hex') === header.toLowerCase();
}

export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
