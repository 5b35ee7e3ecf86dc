/**
 * The fuzz: requests that start valid (a signed Invoke, a signed AWS_IAM URL request, a public
 * URL request) with one random mutation each. Every one must be answered within the case bound
 * with a status Lambda uses for it, never a 500 of the emulator, and the emulator must serve a
 * good request afterwards.
 */
import { type RawRequest, send, sign } from '../lib/http.js';
import type { Case } from '../lib/part.js';
import type { Targets } from './targets.js';

/** Statuses a mutated request may get: success, refusals, a function's 502. */
const ALLOWED = new Set([200, 202, 204, 400, 403, 404, 413, 429, 431, 502]);

type Mutation = (request: RawRequest, random: () => number) => RawRequest;

const printable = (random: () => number, length: number) =>
  Array.from({ length }, () => String.fromCharCode(32 + Math.floor(random() * 95))).join('');
const pick = <T>(items: readonly T[], random: () => number) =>
  items[Math.floor(random() * items.length)] as T;

const MUTATIONS: Record<string, Mutation> = {
  'flip a body byte': (request, random) => {
    const body = Buffer.from(request.body ?? '');
    const at = Math.floor(random() * body.length);
    if (body.length > 0) body[at] = (body[at] ?? 0) ^ (1 << Math.floor(random() * 8));
    return { ...request, body };
  },
  'truncate the body': (request, random) => {
    const body = Buffer.from(request.body ?? '');
    return { ...request, body: body.subarray(0, Math.floor(random() * body.length)) };
  },
  'append junk to the body': (request, random) => ({
    ...request,
    body: `${request.body ?? ''}${printable(random, 50)}`,
  }),
  'invalid UTF-8 body': (request) => ({ ...request, body: Buffer.from([0xff, 0xfe, 0x7b, 0xc3]) }),
  'drop a header': (request, random) => {
    const index = 2 * Math.floor((random() * request.headers.length) / 2);
    return {
      ...request,
      headers: request.headers.filter((_, at) => at !== index && at !== index + 1),
    };
  },
  'repeat a header': (request, random) => {
    const index = 2 * Math.floor((random() * request.headers.length) / 2);
    return {
      ...request,
      headers: [
        ...request.headers,
        request.headers[index] ?? 'x',
        request.headers[index + 1] ?? '',
      ],
    };
  },
  'change a header value': (request, random) => {
    const headers = [...request.headers];
    const index = 2 * Math.floor((random() * headers.length) / 2) + 1;
    if (headers[index - 1]?.toLowerCase() !== 'host')
      headers[index] = printable(random, 1 + Math.floor(random() * 40));
    return { ...request, headers };
  },
  'a header of 8 KB': (request, random) => ({
    ...request,
    headers: [...request.headers, 'X-Fuzz', printable(random, 8192)],
  }),
  'another method': (request, random) => ({
    ...request,
    method: pick(['GET', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'], random),
  }),
  'change a path character': (request, random) => {
    const url = new URL(request.url);
    const path = url.pathname.split('');
    // The leading slash stays: without it the client cannot form the request at all.
    const at = 1 + Math.floor(random() * (path.length - 1));
    path[at] = pick(['a', '%', '%2F', '..', '~', 'Z', '%00'], random);
    return { ...request, url: `${url.origin}${path.join('')}${url.search}` };
  },
  'add a query': (request, random) => ({
    ...request,
    url: `${request.url}${request.url.includes('?') ? '&' : '?'}${encodeURIComponent(printable(random, 8))}=${encodeURIComponent(printable(random, 8))}`,
  }),
};

/** A small, seeded generator: the same run every time. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

async function base(targets: Targets, which: number): Promise<RawRequest> {
  const body = JSON.stringify({ fuzz: which });
  if (which % 3 === 0) {
    const url = targets.invokeUrl('RelEchoFunction');
    return { url, headers: await sign(url, body), body };
  }
  if (which % 3 === 1)
    return { url: targets.iamUrl, headers: await sign(targets.iamUrl, body), body };
  return { url: targets.openUrl, headers: ['host', new URL(targets.openUrl).host], body };
}

/**
 * @param count - Mutated requests.
 * @returns The cases, each named by its mutation.
 * @example
 * ```ts
 * await runPart('Fuzz', fuzzCases(targets, 2000), pid, 8);
 * ```
 */
export function fuzzCases(targets: Targets, count: number): Case[] {
  const names = Object.keys(MUTATIONS);
  return Array.from({ length: count }, (_, index) => {
    const name = names[index % names.length] as string;
    return {
      name: `${name} #${index}`,
      run: async () => {
        const mutated = (MUTATIONS[name] as Mutation)(
          await base(targets, index),
          seeded(index + 1),
        );
        const answer = await send(mutated, false).catch((error: Error) => error);
        if (answer instanceof Error) return `no answer: ${answer.message}`;
        if (!ALLOWED.has(answer.status))
          return `status ${answer.status} ${answer.errorType} ${answer.body.slice(0, 160)}`;
        return null;
      },
    };
  });
}
