/**
 * Bad API input, each answered as Lambda answers it, before the function runs.
 */
import { send, sign } from '../lib/http.js';
import type { Case } from '../lib/part.js';
import type { Targets } from './targets.js';

interface BadInput {
  name: string;
  url: (targets: Targets) => string;
  body?: string | Buffer;
  headers?: string[];
  method?: string;
  status: number;
  type: string;
  /** Text the answer must contain. */
  contains?: string;
  /** Sent unsigned (a public URL). */
  unsigned?: boolean;
}

const context = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64');
const echo = (targets: Targets) => targets.invokeUrl('RelEchoFunction');

const INPUTS: BadInput[] = [
  {
    name: 'payload that is not JSON',
    url: echo,
    body: '{not json',
    status: 400,
    type: 'InvalidRequestContentException',
  },
  {
    name: 'unknown InvocationType',
    url: echo,
    headers: ['X-Amz-Invocation-Type', 'Sometimes'],
    status: 400,
    type: 'InvalidParameterValueException',
  },
  {
    name: 'unknown LogType',
    url: echo,
    headers: ['X-Amz-Log-Type', 'Everything'],
    status: 400,
    type: 'InvalidParameterValueException',
  },
  {
    name: 'unknown function',
    url: (t) => t.invokeUrl('NoSuchFunction'),
    status: 404,
    type: 'ResourceNotFoundException',
  },
  {
    name: 'name of 65 characters',
    url: (t) => t.invokeUrl('F'.repeat(65)),
    status: 400,
    type: 'ValidationException',
  },
  {
    name: 'ARN of 171 characters',
    url: (t) => t.invokeUrl(`arn:aws:lambda:us-east-1:123456789012:function:${'F'.repeat(124)}`),
    status: 400,
    type: 'ValidationException',
  },
  {
    name: 'name outside the pattern',
    url: (t) => t.invokeUrl('bad*name'),
    status: 400,
    type: 'ValidationException',
  },
  {
    name: 'client context not base64',
    url: echo,
    headers: ['X-Amz-Client-Context', '!!!'],
    status: 400,
    type: 'InvalidRequestContentException',
  },
  {
    name: 'client context not JSON',
    url: echo,
    headers: ['X-Amz-Client-Context', Buffer.from('hi').toString('base64')],
    status: 400,
    type: 'InvalidRequestContentException',
  },
  {
    name: 'client context over 3,583 bytes',
    url: echo,
    headers: ['X-Amz-Client-Context', context({ custom: { pad: 'x'.repeat(2800) } })],
    status: 400,
    type: 'InvalidRequestContentException',
  },
  {
    name: 'Event payload over 1 MB',
    url: echo,
    headers: ['X-Amz-Invocation-Type', 'Event'],
    body: JSON.stringify({ pad: 'x'.repeat(1_100_000) }),
    status: 413,
    type: 'RequestTooLargeException',
    contains: '1048576',
  },
  {
    name: 'payload over 6 MB',
    url: echo,
    body: JSON.stringify({ pad: 'x'.repeat(7_000_000) }),
    status: 413,
    type: 'RequestTooLargeException',
    contains: '6291456',
  },
  {
    name: 'two different qualifiers',
    url: (t) => t.invokeUrl('RelEchoFunction:$LATEST', 'Qualifier=7'),
    status: 400,
    type: 'InvalidParameterValueException',
  },
  {
    name: 'unknown version',
    url: (t) => t.invokeUrl('RelEchoFunction', 'Qualifier=7'),
    status: 404,
    type: 'ResourceNotFoundException',
  },
  {
    name: 'unknown route',
    url: (t) => `${t.emulator.endpoint}/2015-03-31/nothing-here`,
    status: 404,
    type: 'UnknownOperationException',
  },
  {
    name: 'public URL, body over 6 MB',
    url: (t) => t.openUrl,
    body: 'x'.repeat(7_000_000),
    status: 413,
    type: 'RequestTooLargeException',
    unsigned: true,
  },
];

/**
 * @returns One case per bad input, each followed by nothing: the good requests of the other parts show the emulator still serves.
 * @example
 * ```ts
 * await runPart('Bad input', badInputCases(targets), pid);
 * ```
 */
export function badInputCases(targets: Targets): Case[] {
  return INPUTS.map((input) => ({
    name: input.name,
    run: async () => {
      const url = input.url(targets);
      const body = input.body ?? '{}';
      const extra = input.headers ?? [];
      const headers = input.unsigned
        ? ['host', new URL(url).host, ...extra]
        : await sign(url, body, { extraHeaders: Object.fromEntries(pairs(extra)) });
      const answer = await send({ url, headers, body, method: input.method ?? 'POST' });
      if (answer.status !== input.status || answer.errorType !== input.type) {
        return `${answer.status} ${answer.errorType}, expected ${input.status} ${input.type}`;
      }
      if (input.contains && !answer.body.includes(input.contains))
        return `answer lacks "${input.contains}": ${answer.body}`;
      return null;
    },
  }));
}

function pairs(flat: string[]): [string, string][] {
  const result: [string, string][] = [];
  for (let index = 0; index + 1 < flat.length; index += 2)
    result.push([flat[index] ?? '', flat[index + 1] ?? '']);
  return result;
}
