/**
 * What the checker expects of the lines it runs: exit code 0 and, for requests (curl,
 * scripts/curl-sigv4, scripts/ttfb), no error status or AWS error body in the output; except the
 * lines below, which show a failure on purpose (the README explains each). Match on the command
 * text, so that moving a line within or between READMEs keeps its expectation.
 */

/** An intended failure: the exit code and what the output must show. */
export interface Expectation {
  match: RegExp;
  exitCode: number;
  output?: RegExp;
  why: string;
}

export const EXPECTED_FAILURES: readonly Expectation[] = [
  {
    match: /127\.0\.0\.1:3005\//,
    exitCode: 18,
    output: /HTTP\/1\.1 200/,
    why: 'MidstreamErrorFunction throws midstream: the connection is cut (curl exits with 18)',
  },
  {
    match: /127\.0\.0\.1:3002\/\?count=5000/,
    exitCode: 0,
    output: /HTTP\/1\.1 400[\s\S]*count must be/,
    why: 'a count over 1000 is refused before the first byte, with 400',
  },
  {
    match: /127\.0\.0\.1:3001\/\?pad=yes/,
    exitCode: 0,
    output: /HTTP\/1\.1 400[\s\S]*pad must be/,
    why: 'a bad pad value is refused before the first byte, with 400',
  },
  {
    match: /127\.0\.0\.1:3100\/prod\/report\/stream\?sections=9/,
    exitCode: 0,
    output: /HTTP\/1\.1 400[\s\S]*sections must be/,
    why: 'a bad sections value is refused by the function before the first byte, with 400',
  },
  {
    match: /^curl -sS -i http:\/\/127\.0\.0\.1:3100\/prod\/report\/stream$/,
    exitCode: 0,
    output: /HTTP\/1\.1 403[\s\S]*Missing Authentication Token/,
    why: "an unsigned request to an AWS_IAM REST API route gets API Gateway's 403",
  },
];

/** An error status line, an AWS error body, or curl's own error. */
const FAILED_REQUEST =
  /HTTP\/[\d.]+ [45]\d\d|^HTTP [45]\d\d|"(Message|message|errorMessage)"\s*:|Forbidden|curl: \(\d+\)/m;

/**
 * Checks one run line's outcome.
 *
 * @param text - The command.
 * @param exitCode - How it exited.
 * @param output - Its stdout and stderr.
 * @returns What is wrong, or undefined.
 * @example
 * ```ts
 * outcomeProblem('curl http://127.0.0.1:3001/', 0, 'HTTP/1.1 403 Forbidden'); // 'the request failed: ...'
 * ```
 */
export function outcomeProblem(text: string, exitCode: number, output: string): string | undefined {
  const expected = EXPECTED_FAILURES.find((entry) => entry.match.test(text));
  const wantedCode = expected?.exitCode ?? 0;
  if (exitCode !== wantedCode) return `exit code ${exitCode}, expected ${wantedCode}`;
  if (expected?.output !== undefined) {
    return expected.output.test(output) ? undefined : `output does not match ${expected.output}`;
  }
  const request = /(^|[|;&]\s*)(curl|scripts\/curl-sigv4|scripts\/ttfb)\s/.test(text);
  const failed = request ? FAILED_REQUEST.exec(output) : null;
  return failed === null ? undefined : `the request failed: ${failed[0]}`;
}
