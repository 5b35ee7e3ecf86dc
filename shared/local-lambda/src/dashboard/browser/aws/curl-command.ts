import type { Credentials } from '../config.js';

/**
 * The curl command that calls an `AWS_IAM` function URL as this page does: signed with SigV4
 * for service `lambda` (curl's `--aws-sigv4`), `-N` so chunks print as they arrive. Without the
 * credentials (a read-only page), it reads them from the environment.
 *
 * @param url - The function URL, with its path and query.
 * @param region - The emulator's region.
 * @param credentials - The local credentials, when the page has them.
 * @returns A command to paste into a shell.
 * @example
 * ```ts
 * signedCurlCommand('http://127.0.0.1:3001/', 'us-east-1', credentials);
 * // curl -N --aws-sigv4 "aws:amz:us-east-1:lambda" --user "AKID:SECRET" 'http://127.0.0.1:3001/'
 * ```
 */
export function signedCurlCommand(url: string, region: string, credentials?: Credentials): string {
  const user = credentials
    ? `${credentials.accessKeyId}:${credentials.secretAccessKey}`
    : '$AWS_ACCESS_KEY_ID:$AWS_SECRET_ACCESS_KEY';
  const token = credentials?.sessionToken
    ? ` -H "x-amz-security-token: ${credentials.sessionToken}"`
    : '';
  return `curl -N --aws-sigv4 "aws:amz:${region}:lambda" --user "${user}"${token} '${url.replaceAll("'", '%27')}'`;
}
