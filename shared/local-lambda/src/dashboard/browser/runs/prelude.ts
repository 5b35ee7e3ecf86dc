/** The status and headers a streaming function sends first (`HttpResponseStream.from`). */
export interface Prelude {
  statusCode?: number;
  headers?: Record<string, string>;
  cookies?: string[];
}

/** The prelude ends with 8 NUL bytes (the runtime client's delimiter). */
const DELIMITER_LENGTH = 8;

/**
 * Splits an http-integration response into its prelude and its body. Through `Invoke` or
 * `InvokeWithResponseStream` Lambda passes these bytes on untouched (only function URLs read
 * the prelude), so the page finds it itself: JSON, then 8 NUL bytes.
 *
 * @param bytes - The payload, from its first byte.
 * @returns The prelude when there is one, and the body.
 * @example
 * ```ts
 * const { prelude, body } = splitPrelude(payload);
 * prelude?.headers?.['content-type']; // 'text/html; charset=utf-8'
 * ```
 */
export function splitPrelude(bytes: Uint8Array): { prelude?: Prelude; body: Uint8Array } {
  if (bytes[0] !== 0x7b) return { body: bytes };
  const end = bytes.indexOf(0);
  if (end < 0 || end + DELIMITER_LENGTH > bytes.length) return { body: bytes };
  if (bytes.subarray(end, end + DELIMITER_LENGTH).some((byte) => byte !== 0))
    return { body: bytes };
  try {
    const prelude = JSON.parse(new TextDecoder().decode(bytes.subarray(0, end))) as unknown;
    if (typeof prelude !== 'object' || prelude === null) return { body: bytes };
    return { prelude: prelude as Prelude, body: bytes.subarray(end + DELIMITER_LENGTH) };
  } catch {
    return { body: bytes };
  }
}

/**
 * @returns The prelude's `content-type`, whatever the header's case.
 * @example
 * ```ts
 * preludeContentType({ headers: { 'Content-Type': 'text/html' } }); // 'text/html'
 * ```
 */
export function preludeContentType(prelude: Prelude | undefined): string | undefined {
  const headers = prelude?.headers ?? {};
  const name = Object.keys(headers).find((key) => key.toLowerCase() === 'content-type');
  return name === undefined ? undefined : String(headers[name]);
}
