import { fileURLToPath } from 'node:url';
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { afterEach, describe, expect, it } from 'vitest';
import { startLocalLambda } from '../../src/start/start-local-lambda.js';
import type { LocalLambda } from '../../src/start/start-options.js';

const TEMPLATE = fileURLToPath(new URL('../fixtures/frontend/old-runtimes.yaml', import.meta.url));

describe('local-lambda start with deprecated and unknown runtimes', () => {
  let lambda: LocalLambda | undefined;
  let client: LambdaClient | undefined;
  afterEach(async () => {
    client?.destroy();
    await lambda?.close();
  });

  it('warns once per runtime at start, and still runs every function', async () => {
    // Arrange
    lambda = await startLocalLambda({ templates: [TEMPLATE], port: 0, logger: () => {} });
    const { endpoint, region, credentials } = lambda;
    client = new LambdaClient({ endpoint, region, credentials, maxAttempts: 1 });
    const invoke = async (name: string) => {
      const payload = new TextEncoder().encode(JSON.stringify({ from: name }));
      const output = await client?.send(
        new InvokeCommand({ FunctionName: name, Payload: payload }),
      );
      return { error: output?.FunctionError, body: new TextDecoder().decode(output?.Payload) };
    };

    // Act
    const results = await Promise.all(['OldFn', 'FutureFn', 'CurrentFn'].map(invoke));

    // Assert
    expect(lambda.warnings).toEqual([
      expect.stringMatching(
        /^nodejs18\.x is deprecated in Lambda: deprecation Sep 1, 2025, block function create Feb 3, 2026, block function update Mar 9, 2026 \(AWS, https:\/\/\S+, read 2026-12-07\)\. Used by functions OldFn, OlderFn; move to nodejs24\.x\. local-lambda still runs them[: ]/,
      ),
      expect.stringMatching(
        /^nodejs99\.x is not a runtime Lambda offers \(its Node\.js runtimes: nodejs24\.x, nodejs22\.x; read 2026-12-07\), so deploying function FutureFn would fail\. local-lambda still runs it[: ]/,
      ),
    ]);
    expect(results).toEqual([
      { error: undefined, body: '{"from":"OldFn"}' },
      { error: undefined, body: '{"from":"FutureFn"}' },
      { error: undefined, body: '{"from":"CurrentFn"}' },
    ]);
  });
});
