import { once } from 'node:events';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { NodeSha256 } from '@lambda-streaming/streaming/node-sha256';
import { createSigV4Verifier, toReceivedRequest } from '@lambda-streaming/streaming/protocol';

/** A request as the stand-in function URL received it. */
export interface SeenRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  /** `ok`, or the AWS error type it was refused with. */
  verdict: string;
}

/** What the signature must be made with; a session token, when given, must come with it. */
export interface Expected {
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  region: string;
}

/** The stand-in function URL: its origin, the requests it saw, `close()`. */
export interface IamFunctionUrl {
  origin: string;
  port: number;
  seen: SeenRequest[];
  close(): Promise<void>;
}

/**
 * Starts a local function URL with `AuthType: AWS_IAM`, checked by the protocol toolkit's
 * verifier for service `lambda`: 403 with AWS's message unless the signature verifies, else
 * `respond` writes the response.
 *
 * @param expected - Credentials and region requests must be signed with.
 * @param respond - Writes the function's response.
 * @returns The running server.
 * @example
 * ```ts
 * const url = await startIamFunctionUrl(expected, (res) => res.end('ok'));
 * ```
 */
export async function startIamFunctionUrl(
  expected: Expected,
  respond: (res: http.ServerResponse) => unknown,
): Promise<IamFunctionUrl> {
  const verify = createSigV4Verifier({ ...expected, sha256: NodeSha256 });
  const seen: SeenRequest[] = [];
  const server = http.createServer(async (req, res) => {
    const parts: Buffer[] = [];
    for await (const part of req) parts.push(part as Buffer);
    const body = Buffer.concat(parts);
    const result = await verify(toReceivedRequest(req, body));
    const verdict = result.ok ? 'ok' : result.failure.errorType;
    seen.push({
      method: req.method ?? '',
      url: req.url ?? '',
      headers: req.headers,
      body,
      verdict,
    });
    if (!result.ok) {
      res.writeHead(403, { 'content-type': 'text/plain' }).end(result.failure.message);
      return;
    }
    await respond(res);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    seen,
    close: async () => {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}
