import { Sha256 } from '@aws-crypto/sha256-js';

/** Bytes to hash; strings are UTF-8. */
export type Sha256Data = string | ArrayBuffer | ArrayBufferView;

/** An incremental SHA-256 (HMAC-SHA-256 when constructed with a secret). */
export interface Sha256Hash {
  update(data: Sha256Data): void;
  digest(): Promise<Uint8Array>;
}

/**
 * The hash the SigV4 signer and verifier use, in the shape `@smithy/signature-v4` takes for its
 * `sha256` option. Node callers pass `NodeSha256` (`@lambda-streaming/streaming/node-sha256`,
 * backed by `node:crypto`); the default, {@link DEFAULT_SHA256}, runs anywhere.
 */
export type Sha256Constructor = new (secret?: Sha256Data) => Sha256Hash;

/**
 * `@aws-crypto/sha256-js`: pure JavaScript, so it runs in a browser bundle as well as in Node,
 * but hashing megabytes with it costs far more than `node:crypto`.
 *
 * @example
 * ```ts
 * const hex = await sha256Hex(DEFAULT_SHA256, 'body');
 * ```
 */
export const DEFAULT_SHA256: Sha256Constructor = Sha256;

/**
 * @param hash - The implementation to use.
 * @param data - What to hash.
 * @returns The SHA-256 of `data` in lowercase hex, as SigV4 writes payload hashes.
 * @example
 * ```ts
 * await sha256Hex(DEFAULT_SHA256, ''); // 'e3b0c442…b855'
 * ```
 */
export async function sha256Hex(hash: Sha256Constructor, data: Sha256Data): Promise<string> {
  const digest = new hash();
  digest.update(data);
  return toHex(await digest.digest());
}

function toHex(bytes: Uint8Array): string {
  let hex = '';
  for (const byte of bytes) hex += byte.toString(16).padStart(2, '0');
  return hex;
}
