/**
 * The emulator's fixed values and defaults, in one place so the CLI, the README and the servers
 * agree on them.
 *
 * @module
 */

/** Account id in every local ARN (the one AWS uses in its documentation). */
export const LOCAL_ACCOUNT_ID = '123456789012';

/** Region when none is given. */
export const DEFAULT_REGION = 'us-east-1';

/** Host the servers bind to by default: loopback only. */
export const DEFAULT_HOST = '127.0.0.1';

/** Port of the Lambda API. */
export const DEFAULT_PORT = 3000;

/** Port of the first function URL; the next URLs take the following ports. */
export const DEFAULT_URL_PORT_BASE = 3001;

/** Invocations running at once before the API answers 429. */
export const DEFAULT_MAX_CONCURRENCY = 10;

/** Largest streamed response (200 MiB, the July 2025 quota; spec §5). */
export const DEFAULT_MAX_RESPONSE_SIZE = 200 * 1024 * 1024;

/** Largest request payload and buffered response: 6 MiB + 100 bytes (spec §2.5, RIE `MaxPayloadSize`). */
export const MAX_PAYLOAD_BYTES = 6_291_556;

/**
 * The documented local credential pair: every request signed with it verifies, nothing else
 * does. Not a secret; printed at start.
 */
export const DEFAULT_CREDENTIALS = Object.freeze({
  accessKeyId: 'LOCALLAMBDAACCESSKEY',
  secretAccessKey: 'local-lambda-secret-access-key',
});

/** AWS credentials the emulator checks signatures against. */
export interface LocalCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  /** When set, requests must carry it in `x-amz-security-token`. */
  sessionToken?: string;
}
