import { createHash, createHmac, type Hash, type Hmac } from 'node:crypto';

type Data = string | ArrayBuffer | ArrayBufferView;

/**
 * SHA-256 (or HMAC-SHA-256 when given a secret) in the shape `@smithy/signature-v4` expects of
 * its `sha256` constructor, backed by `node:crypto` rather than the pure-JS
 * `@aws-crypto/sha256-js`, so hashing a 6 MB payload costs milliseconds.
 *
 * @example
 * ```ts
 * new SignatureV4({ service: 'lambda', region, credentials, sha256: NodeSha256 });
 * ```
 */
export class NodeSha256 {
  readonly #secret: Data | undefined;
  #hash: Hash | Hmac;

  /** @param secret - HMAC key; plain SHA-256 without it. */
  constructor(secret?: Data) {
    this.#secret = secret;
    this.#hash = this.#create();
  }

  /** @param data - More bytes (strings are UTF-8). */
  update(data: Data): void {
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

function toBuffer(data: Data): Buffer {
  if (typeof data === 'string') return Buffer.from(data, 'utf8');
  if (ArrayBuffer.isView(data)) return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  return Buffer.from(data);
}
