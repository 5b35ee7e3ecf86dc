/**
 * Why a first byte timed in this page comes later than the one curl reports: the page signs in
 * JavaScript and, across origins, the browser asks first with a CORS preflight.
 */

/** How the page sends a request. */
export interface BrowserRequest {
  /** Signed with SigV4 in the page (the Lambda API, an `AWS_IAM` URL). */
  signed: boolean;
}

/**
 * @returns The note shown under the first-byte figure of a side.
 * @example
 * ```ts
 * side.explain('ttfb', browserTtfbNote({ signed: true }));
 * ```
 */
export function browserTtfbNote(request: BrowserRequest): string {
  if (!request.signed) {
    return 'First byte as timed in this page: an unsigned GET needs no CORS preflight, so it is close to what curl -N shows.';
  }
  return (
    'First byte as timed in this page: it includes signing the request with SigV4 in JavaScript and, on the first ' +
    'request to an endpoint, the browser’s CORS preflight (an OPTIONS round trip, then cached for 10 minutes): ' +
    'some 18 to 80 ms that curl -N --aws-sigv4 does not spend (it shows about 4 ms).'
  );
}
