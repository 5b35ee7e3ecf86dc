import { NodeSha256 } from '@lambda-streaming/streaming/node-sha256';
import {
  createSigV4Verifier as createProtocolVerifier,
  type SigV4Verifier,
  type SigV4VerifierOptions,
} from '@lambda-streaming/streaming/protocol';

export type {
  SigV4Result,
  SigV4Verifier,
  SigV4VerifierOptions,
} from '@lambda-streaming/streaming/protocol';

/**
 * Creates the emulator's SigV4 verifier: the protocol toolkit's, hashing with `node:crypto`
 * (verification runs on every request; a 6 MB payload hashes in milliseconds).
 *
 * @param options - Credentials, region, service (`lambda` by default), clock.
 * @returns A function that resolves to `{ ok: true }` or the failure AWS would report.
 * @example
 * ```ts
 * const verify = createSigV4Verifier({ credentials, region: 'us-east-1' });
 * const result = await verify(toReceivedRequest(req, body));
 * if (!result.ok) sendForbidden(res, result.failure);
 * ```
 */
export function createSigV4Verifier(options: SigV4VerifierOptions): SigV4Verifier {
  return createProtocolVerifier({ sha256: NodeSha256, ...options });
}
