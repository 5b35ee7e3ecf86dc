/**
 * SigV4, right and wrong in every way the run knows, on the Lambda API and on an AWS_IAM URL:
 * each refusal with AWS's status and error type, the good request answered.
 */
import { DEFAULT_CREDENTIALS } from '@lambda-streaming/local-lambda';
import { type Answer, type SignWith, send, sign } from '../lib/http.js';
import type { Case } from '../lib/part.js';
import type { Targets } from './targets.js';

type Variant = {
  name: string;
  /** Headers from the signed ones. */
  headers: (url: string, body: string) => Promise<string[]>;
  /** The body sent (default: the one signed). */
  body?: string;
  /** The query added after signing. */
  query?: string;
  status: number;
  /** Error type on the API; on the URL the same unless `urlType` says. */
  type?: string;
  urlType?: string;
};

const BODY = '{"matrix":true}';
const MINUTE = 60_000;
const signedWith = (using: SignWith) => (url: string, body: string) => sign(url, body, using);
const drop = (headers: string[], name: string) =>
  headers.flatMap((value, index, all) =>
    index % 2 === 0 && value.toLowerCase() !== name ? [value, all[index + 1] ?? ''] : [],
  );
const headerValue = (headers: string[], name: string) =>
  headers[headers.findIndex((value) => value.toLowerCase() === name) + 1] ?? '';

const INVALID = 'InvalidSignatureException';
const INCOMPLETE = 'IncompleteSignatureException';

const VARIANTS: Variant[] = [
  { name: 'signed right', headers: signedWith({}), status: 200 },
  {
    name: 'unsigned',
    headers: async (url) => ['host', new URL(url).host, 'content-type', 'application/json'],
    status: 403,
    type: 'MissingAuthenticationTokenException',
    urlType: 'AccessDeniedException',
  },
  {
    name: 'wrong secret',
    headers: signedWith({ credentials: { ...DEFAULT_CREDENTIALS, secretAccessKey: 'wrong' } }),
    status: 403,
    type: INVALID,
  },
  {
    name: 'unknown access key',
    headers: signedWith({ credentials: { ...DEFAULT_CREDENTIALS, accessKeyId: 'AKIDUNKNOWN' } }),
    status: 403,
    type: 'UnrecognizedClientException',
  },
  {
    name: 'unexpected session token',
    headers: signedWith({ credentials: { ...DEFAULT_CREDENTIALS, sessionToken: 'token' } }),
    status: 403,
    type: 'UnrecognizedClientException',
  },
  {
    name: 'wrong region',
    headers: signedWith({ region: 'eu-west-1' }),
    status: 403,
    type: INVALID,
  },
  {
    name: 'wrong service',
    headers: signedWith({ service: 'execute-api' }),
    status: 403,
    type: INVALID,
  },
  {
    name: 'signed 10 minutes ago',
    headers: signedWith({ date: new Date(Date.now() - 10 * MINUTE) }),
    status: 403,
    type: INVALID,
  },
  {
    name: 'signed 10 minutes ahead',
    headers: signedWith({ date: new Date(Date.now() + 10 * MINUTE) }),
    status: 403,
    type: INVALID,
  },
  {
    name: 'body changed after signing',
    headers: signedWith({}),
    body: '{"matrix":false}',
    status: 403,
    type: INVALID,
  },
  {
    name: 'query added after signing',
    headers: signedWith({}),
    query: 'added=1',
    status: 403,
    type: INVALID,
  },
  {
    name: 'Authorization twice',
    headers: async (url, body) => {
      const headers = await sign(url, body);
      return [...headers, 'Authorization', headerValue(headers, 'authorization')];
    },
    status: 403,
    type: INCOMPLETE,
  },
  {
    name: 'a second, garbage Authorization',
    headers: async (url, body) => [...(await sign(url, body)), 'Authorization', 'garbage'],
    status: 403,
    type: INCOMPLETE,
  },
  {
    name: 'garbage Authorization only',
    headers: async (url, body) => [
      ...drop(await sign(url, body), 'authorization'),
      'Authorization',
      'AWS4-HMAC-SHA256 nonsense',
    ],
    status: 403,
    type: INCOMPLETE,
  },
  {
    name: 'no X-Amz-Date',
    headers: async (url, body) => drop(await sign(url, body), 'x-amz-date'),
    status: 403,
    type: INCOMPLETE,
  },
  {
    name: 'Date header instead of X-Amz-Date',
    headers: async (url, body) => [
      ...drop(await sign(url, body), 'x-amz-date'),
      'Date',
      new Date().toUTCString(),
    ],
    status: 403,
    type: INCOMPLETE,
  },
  {
    name: 'X-Amz-Date not in basic format',
    headers: async (url, body) => [
      ...drop(await sign(url, body), 'x-amz-date'),
      'X-Amz-Date',
      new Date().toISOString(),
    ],
    status: 403,
    type: INCOMPLETE,
  },
  {
    name: 'presigned in the query, no Authorization',
    headers: async (url, body) => drop(await sign(url, body), 'authorization'),
    query:
      'X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=LOCALLAMBDAACCESSKEY%2F20261207%2Fus-east-1%2Flambda%2Faws4_request&X-Amz-SignedHeaders=host&X-Amz-Signature=00',
    status: 403,
    type: 'MissingAuthenticationTokenException',
    urlType: 'AccessDeniedException',
  },
];

function check(answer: Answer, status: number, type: string | undefined): string | null {
  if (answer.status !== status)
    return `status ${answer.status} (${answer.errorType}), expected ${status}`;
  if (type !== undefined && answer.errorType !== type)
    return `error type ${answer.errorType}, expected ${type}`;
  return null;
}

/**
 * @returns Every variant on both front ends.
 * @example
 * ```ts
 * await runPart('SigV4 matrix', sigv4Cases(targets), pid);
 * ```
 */
export function sigv4Cases(targets: Targets): Case[] {
  const frontEnds = [
    { label: 'Lambda API', url: targets.invokeUrl('RelEchoFunction'), isUrl: false },
    { label: 'AWS_IAM URL', url: targets.iamUrl, isUrl: true },
  ];
  return frontEnds.flatMap((frontEnd) =>
    VARIANTS.map((variant) => ({
      name: `${frontEnd.label}, ${variant.name}`,
      run: async () => {
        const headers = await variant.headers(frontEnd.url, BODY);
        const target = variant.query
          ? `${frontEnd.url}${frontEnd.url.includes('?') ? '&' : '?'}${variant.query}`
          : frontEnd.url;
        const answer = await send({ url: target, headers, body: variant.body ?? BODY });
        const type = frontEnd.isUrl ? (variant.urlType ?? variant.type) : variant.type;
        return check(answer, variant.status, type);
      },
    })),
  );
}
