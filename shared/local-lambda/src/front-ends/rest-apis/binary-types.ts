/**
 * Whether a content type is one of an API's `BinaryMediaTypes` (`*` wildcards on either side of the
 * slash, so star-slash-star matches everything; parameters such as `; charset=` ignored).
 *
 * @param contentType - A `Content-Type` or `Accept` value (the first type is used).
 * @param binaryTypes - The API's binary media types, `~1` already decoded.
 * @returns `true` when it matches one.
 * @example
 * ```ts
 * isBinaryType('image/png', ['image/*']); // true
 * isBinaryType('text/plain; charset=utf-8', ['application/octet-stream']); // false
 * ```
 */
export function isBinaryType(
  contentType: string | undefined,
  binaryTypes: readonly string[],
): boolean {
  const type = contentType?.split(',')[0]?.split(';')[0]?.trim().toLowerCase();
  if (!type) return false;
  const [major, minor] = type.split('/');
  return binaryTypes.some((binary) => {
    const [wantMajor, wantMinor] = binary.toLowerCase().split('/');
    return (wantMajor === '*' || wantMajor === major) && (wantMinor === '*' || wantMinor === minor);
  });
}
