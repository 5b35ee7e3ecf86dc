/**
 * Why a request failed SigV4 verification, with the error type and message AWS sends for it
 * (spec §4.1, §6). Front ends turn these into 403 responses in their own shape.
 *
 * @module
 */

/** The `x-amzn-ErrorType` values of AWS's authentication failures. */
export type AuthErrorType =
  | 'MissingAuthenticationTokenException'
  | 'IncompleteSignatureException'
  | 'InvalidSignatureException'
  | 'UnrecognizedClientException';

/** A failed verification. */
export interface AuthFailure {
  errorType: AuthErrorType;
  /** The text AWS puts in the body's `message`. */
  message: string;
}

/** AWS's text for a signature that does not verify. */
export const SIGNATURE_MISMATCH_MESSAGE =
  'The request signature we calculated does not match the signature you provided. Check your ' +
  'AWS Secret Access Key and signing method. Consult the service documentation for details.';

/** AWS's text for an unknown access key or a wrong session token. */
export const INVALID_TOKEN_MESSAGE = 'The security token included in the request is invalid.';

/**
 * @returns The failure for a request that carries no signature at all.
 * @example
 * ```ts
 * missingAuthentication().errorType; // 'MissingAuthenticationTokenException'
 * ```
 */
export function missingAuthentication(): AuthFailure {
  return {
    errorType: 'MissingAuthenticationTokenException',
    message: 'Missing Authentication Token',
  };
}

/**
 * @param message - What is missing or malformed, in AWS's words.
 * @returns An `IncompleteSignatureException` failure.
 * @example
 * ```ts
 * incompleteSignature("Authorization header requires 'Signature' parameter.");
 * ```
 */
export function incompleteSignature(message: string): AuthFailure {
  return { errorType: 'IncompleteSignatureException', message };
}

/**
 * @param message - AWS's text; the signature-mismatch text by default.
 * @returns An `InvalidSignatureException` failure.
 * @example
 * ```ts
 * invalidSignature('Credential should be scoped to a valid region.');
 * ```
 */
export function invalidSignature(message = SIGNATURE_MISMATCH_MESSAGE): AuthFailure {
  return { errorType: 'InvalidSignatureException', message };
}

/**
 * @returns The failure for an unknown access key or a session token that does not match.
 * @example
 * ```ts
 * unrecognizedClient().message; // 'The security token included in the request is invalid.'
 * ```
 */
export function unrecognizedClient(): AuthFailure {
  return { errorType: 'UnrecognizedClientException', message: INVALID_TOKEN_MESSAGE };
}
