/** Plain HTTP requests for the dashboard tests, with full control of headers (Host included). */
import { type IncomingHttpHeaders, type IncomingMessage, request } from 'node:http';

/** A complete response. */
export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** Sends a request and reads the whole response. */
export async function send(
  url: string,
  options: { method?: string; headers?: Record<string, string> } = {},
): Promise<RawResponse> {
  const incoming = await open(url, options);
  let body = '';
  for await (const chunk of incoming) body += String(chunk);
  return { status: incoming.statusCode ?? 0, headers: incoming.headers, body };
}

/** Sends a request and resolves as soon as the head arrives (for server-sent events). */
export function open(
  url: string,
  options: { method?: string; headers?: Record<string, string> } = {},
): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const outgoing = request(url, { method: options.method ?? 'GET', headers: options.headers });
    outgoing.once('response', resolve);
    outgoing.once('error', reject);
    outgoing.end();
  });
}
