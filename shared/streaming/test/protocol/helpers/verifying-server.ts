import {
  type ReceivedRequest,
  type SigV4Result,
  type SigV4Verifier,
  toReceivedRequest,
} from '../../../src/protocol/index.js';
import { readBody, startLocalServer } from '../../client/helpers/local-server.js';

/** A server that checks every request with the toolkit's verifier, and what it saw. */
export interface VerifyingServer {
  origin: string;
  /** Each request as received, in the verifier's shape. */
  requests: ReceivedRequest[];
  /** The verdict on each, in the same order. */
  results: SigV4Result[];
  close(): Promise<void>;
}

/**
 * Starts a stand-in AWS endpoint on a free port: 200 with `{}` (a Lambda `Invoke` answer) when
 * the signature verifies, else 403 with the failure in AWS's shape.
 *
 * @param verify - The verifier under test.
 * @returns The running server.
 * @example
 * ```ts
 * const server = await startVerifyingServer(createSigV4Verifier({ credentials, region }));
 * ```
 */
export async function startVerifyingServer(verify: SigV4Verifier): Promise<VerifyingServer> {
  const requests: ReceivedRequest[] = [];
  const results: SigV4Result[] = [];
  const server = await startLocalServer(async (req, res) => {
    const request = toReceivedRequest(req, await readBody(req));
    const result = await verify(request);
    requests.push(request);
    results.push(result);
    if (result.ok) {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      return;
    }
    res.writeHead(403, {
      'content-type': 'application/json',
      'x-amzn-errortype': result.failure.errorType,
    });
    res.end(JSON.stringify({ message: result.failure.message }));
  });
  return { origin: server.origin, requests, results, close: () => server.close() };
}
