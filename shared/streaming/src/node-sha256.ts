/**
 * A `node:crypto` SHA-256 for the SigV4 code of `@lambda-streaming/streaming/protocol`, which
 * itself stays free of `node:` imports so that the dashboard can bundle it for the browser.
 *
 * @module
 */
import { createHash, createHmac, type Hash, type Hmac } from 'node:crypto';
import type { Sha256Data, Sha256Hash } from './protocol/sha256.js';

/**
 * SHA-256 (or HMAC-SHA-256 when given a secret) in the shape `@smithy/signature-v4` expects of
 * its `sha256` constructor, backed by `node:crypto` rather than the pure-JS
 * `@aws-crypto/sha256-js`, so hashing a 6 MB payload costs milliseconds: pass it wherever
 * SigV4 runs in Node, above all on a server's hot path.
 *
 * @example
 * ```ts
 * const verify = createSigV4Verifier({ credentials, region, sha256: NodeSha256 });
 * ```
 */
export class NodeSha256 implements Sha256Hash {
  readonly #secret: Sha256Data | undefined;
  #hash: Hash | Hmac;

  /** @param secret - HMAC key; plain SHA-256 without it. */
  constructor(secret?: Sha256Data) {
    this.#secret = secret;
    this.#hash = this.#create();
  }

  /** @param data - More bytes (strings are UTF-8). */
  update(data: Sha256Data): void {
    this.#hash.update(toBuffer(data));
  }

  /** @returns The digest of everything given since the last reset. */
  async digest(): Promise<Uint8Array> {
    return this.#hash.digest();
  }

  /** Starts over with the same key. */
  reset(): void {
    this.#hash = this.#create();
  }

  #create(): Hash | Hmac {
    return this.#secret === undefined
      ? createHash('sha256')
      : createHmac('sha256', toBuffer(this.#secret));
  }
}

function toBuffer(data: Sha256Data): Buffer {
  if (typeof data === 'string') return Buffer.from(data, 'utf8');
  if (ArrayBuffer.isView(data)) return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  return Buffer.from(data);
}
