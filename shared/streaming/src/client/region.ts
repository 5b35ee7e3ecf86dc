/** `<url-id>.lambda-url.<region>.on.aws`, the host of every function URL (spec §4.1). */
const FUNCTION_URL_HOST = /^[^.]+\.lambda-url\.([a-z0-9-]+)\.on\.aws$/i;

/**
 * The AWS region named by a function URL's host.
 *
 * @param url - A function URL (or any URL).
 * @returns The region, or `undefined` when the host is not `<id>.lambda-url.<region>.on.aws`
 *   (a local emulator, a custom domain...).
 * @example
 * ```ts
 * regionFromFunctionUrl('https://abc123.lambda-url.eu-west-1.on.aws/'); // 'eu-west-1'
 * regionFromFunctionUrl('http://127.0.0.1:3001/'); // undefined
 * ```
 */
export function regionFromFunctionUrl(url: string | URL): string | undefined {
  const { hostname } = typeof url === 'string' ? new URL(url) : url;
  return FUNCTION_URL_HOST.exec(hostname)?.[1]?.toLowerCase();
}

/**
 * The region to sign a function URL request for: the explicit one if given (it wins, so a
 * custom domain or a local emulator can be signed for any region), else the URL's.
 *
 * @param url - The URL to call.
 * @param region - An explicit region, if the caller has one.
 * @returns The signing region.
 * @throws Error naming the URL and the `region` option when neither gives a region.
 * @example
 * ```ts
 * signingRegion(new URL('http://127.0.0.1:3001/'), 'us-east-1'); // 'us-east-1'
 * ```
 */
export function signingRegion(url: URL, region?: string): string {
  const resolved = region || regionFromFunctionUrl(url);
  if (!resolved) {
    throw new Error(
      `Cannot tell which AWS region to sign ${url.origin} for: its host is not ` +
        `<url-id>.lambda-url.<region>.on.aws. Pass the region explicitly, e.g. { region: 'us-east-1' }.`,
    );
  }
  return resolved;
}
