/**
 * The soak: thousands of mixed invocations (Invoke, InvokeWithResponseStream, the AWS_IAM URL,
 * the public URL), every one answered in full, while the emulator's resources are sampled.
 */
import { send, sign } from '../lib/http.js';
import type { Case } from '../lib/part.js';
import type { Targets } from './targets.js';

type Kind = 'Invoke' | 'InvokeWithResponseStream' | 'AWS_IAM URL' | 'public URL';
const KINDS: Kind[] = ['Invoke', 'InvokeWithResponseStream', 'AWS_IAM URL', 'public URL'];

function target(targets: Targets, kind: Kind): { url: string; signed: boolean } {
  const streaming = `${targets.emulator.endpoint}/2021-11-15/functions/RelEchoFunction/response-streaming-invocations`;
  if (kind === 'Invoke') return { url: targets.invokeUrl('RelEchoFunction'), signed: true };
  if (kind === 'InvokeWithResponseStream') return { url: streaming, signed: true };
  if (kind === 'AWS_IAM URL') return { url: targets.iamUrl, signed: true };
  return { url: `${targets.openUrl}soak`, signed: false };
}

/**
 * @param count - Invocations, spread evenly over the four kinds.
 * @returns The cases.
 * @example
 * ```ts
 * await runPart('Soak', soakCases(targets, 5000), pid, 8);
 * ```
 */
export function soakCases(targets: Targets, count: number): Case[] {
  return Array.from({ length: count }, (_, index) => {
    const kind = KINDS[index % KINDS.length] as Kind;
    return {
      name: `${kind} #${index}`,
      run: async () => {
        const { url, signed } = target(targets, kind);
        const marker = `soak-${index}`;
        const body = JSON.stringify({ marker });
        // A JSON content type, so a URL hands the body to the function as text, not base64.
        const json = { 'content-type': 'application/json' };
        const headers = signed
          ? await sign(url, body, { extraHeaders: json })
          : ['host', new URL(url).host, 'content-type', 'application/json'];
        const answer = await send({ url, headers, body });
        if (answer.status !== 200) return `${answer.status} ${answer.errorType}`;
        const expected = kind === 'public URL' ? 'open /soak' : marker;
        return answer.body.includes(expected) ? null : `answer lacks ${expected}`;
      },
    };
  });
}
