/** How a response body is compared: its text, its base64, or its length and SHA-256. */
import { createHash } from 'node:crypto';

/** A body as the suite compares it. */
export type BodyView = { text: string } | { base64: string } | { bytes: number; sha256: string };

/** Bodies up to this size are compared byte for byte (after normalization, for text). */
const INLINE_LIMIT = 64 * 1024;

/**
 * @param body - The bytes a client received.
 * @returns Text when the bytes are UTF-8, else base64; length and hash above 64 KiB.
 * @example
 * ```ts
 * bodyView(Buffer.from('hi')); // { text: 'hi' }
 * ```
 */
export function bodyView(body: Uint8Array): BodyView {
  const bytes = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  if (bytes.length > INLINE_LIMIT) {
    return { bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
  }
  const text = bytes.toString('utf8');
  return Buffer.from(text, 'utf8').equals(bytes) ? { text } : { base64: bytes.toString('base64') };
}

/** The text of a body view (`''` for other views), for parsing JSON bodies. */
export function bodyText(view: BodyView): string {
  return 'text' in view ? view.text : '';
}
