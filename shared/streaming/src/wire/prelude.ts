import { PRELUDE_DELIMITER_LENGTH, preludeDelimiter } from './constants.js';
import { PreludeError } from './errors.js';

/**
 * The metadata a function URL reads from the start of an http-integration response.
 * Function URLs understand `statusCode`, `headers` and `cookies`; any JSON object is accepted.
 */
export interface HttpPrelude {
  statusCode?: number;
  headers?: Record<string, string>;
  cookies?: string[];
  [key: string]: unknown;
}

/** A prelude found at the start of a byte stream, and the body bytes that followed it. */
export interface DecodedPrelude {
  prelude: HttpPrelude;
  /** Bytes after the delimiter that arrived in the same chunks. */
  rest: Buffer;
}

/**
 * Encodes a prelude exactly as `HttpResponseStream.from` puts it on the wire: the JSON text,
 * then 8 NUL bytes.
 *
 * @param prelude - Status code, headers, cookies.
 * @returns The bytes that precede the body.
 * @example
 * ```ts
 * const bytes = Buffer.concat([encodeHttpPrelude({ statusCode: 201 }), Buffer.from('made')]);
 * ```
 */
export function encodeHttpPrelude(prelude: HttpPrelude): Buffer {
  return Buffer.concat([Buffer.from(JSON.stringify(prelude)), preludeDelimiter()]);
}

const DELIMITER = Buffer.from(preludeDelimiter());

/**
 * Reads a prelude incrementally from a byte stream whose chunks may split it (and its
 * delimiter) anywhere, as a function URL front end must.
 *
 * @example
 * ```ts
 * const decoder = new HttpPreludeDecoder();
 * for await (const chunk of body) {
 *   const found = decoder.push(chunk);
 *   if (found) { sendHead(found.prelude); sendBody(found.rest); break; }
 * }
 * ```
 */
export class HttpPreludeDecoder {
  readonly #maxPreludeBytes: number;
  #pending: Buffer = Buffer.alloc(0);

  /** @param maxPreludeBytes - Longest prelude accepted before giving up (default 64 KiB). */
  constructor(maxPreludeBytes = 64 * 1024) {
    this.#maxPreludeBytes = maxPreludeBytes;
  }

  /** Bytes received so far that precede any delimiter. */
  get pendingBytes(): number {
    return this.#pending.length;
  }

  /**
   * @param chunk - The next bytes of the response.
   * @returns The prelude and the body bytes after it once the delimiter is complete, else
   *   `undefined`.
   * @throws {@link PreludeError} when the prelude is too long or not a JSON object.
   */
  push(chunk: Uint8Array): DecodedPrelude | undefined {
    this.#pending = Buffer.concat([this.#pending, chunk]);
    const end = this.#pending.indexOf(DELIMITER);
    if (end === -1) {
      if (this.#pending.length > this.#maxPreludeBytes + PRELUDE_DELIMITER_LENGTH) {
        throw new PreludeError(`No prelude delimiter within ${this.#maxPreludeBytes} bytes`);
      }
      return undefined;
    }
    const prelude = parsePreludeJson(this.#pending.subarray(0, end));
    const rest = this.#pending.subarray(end + PRELUDE_DELIMITER_LENGTH);
    this.#pending = Buffer.alloc(0);
    return { prelude, rest };
  }
}

/**
 * Splits a complete response body into its prelude and its HTTP body.
 *
 * @param bytes - The whole body of an http-integration response.
 * @returns The prelude and body, or `undefined` when there is no delimiter.
 * @example
 * ```ts
 * const decoded = decodeHttpPrelude(stream.bytes());
 * expect(decoded?.prelude.statusCode).toBe(200);
 * ```
 */
export function decodeHttpPrelude(bytes: Uint8Array): DecodedPrelude | undefined {
  return new HttpPreludeDecoder(Number.POSITIVE_INFINITY).push(bytes);
}

function parsePreludeJson(bytes: Buffer): HttpPrelude {
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    throw new PreludeError(`The prelude is not valid JSON: ${(error as Error).message}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new PreludeError('The prelude must be a JSON object');
  }
  return value as HttpPrelude;
}
