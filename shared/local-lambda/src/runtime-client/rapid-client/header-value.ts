/**
 * Makes a text safe as an HTTP header (or trailer) value for `node:http`, which throws on
 * characters a header cannot carry. RIC already replaces `\x7F` with `%7F` for this reason
 * (`src/Errors.js`); this extends the same percent-encoding to every byte outside visible
 * ASCII, space and tab. An Error whose name is plain ASCII (nearly all) is unchanged.
 *
 * @param value - An error type or similar.
 * @returns The value, percent-encoding any byte a header cannot carry.
 * @example
 * ```ts
 * toHeaderValue('Fehler.Ä'); // 'Fehler.%C3%84'
 * ```
 */
export function toHeaderValue(value: string | undefined): string {
  return String(value).replace(/[^\t\x20-\x7e]/gu, (char) =>
    Array.from(Buffer.from(char, 'utf8'))
      .map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`)
      .join(''),
  );
}
