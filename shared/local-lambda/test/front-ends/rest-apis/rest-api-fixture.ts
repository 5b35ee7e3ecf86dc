/** Starts the emulator (real core, real runtime) over the REST API fixture template. */
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll } from 'vitest';
import { startLocalLambda } from '../../../src/start/start-local-lambda.js';
import type { LocalLambda, ServedRestApi } from '../../../src/start/start-options.js';
import { type Gate, startGate } from '../../fixtures/frontend/gate.js';

export const REST_TEMPLATE = fileURLToPath(
  new URL('../../fixtures/rest-api/template.yaml', import.meta.url),
);

export interface RestFixture {
  lambda: LocalLambda;
  gate: Gate;
  warnings: string[];
  api(name: string): ServedRestApi;
  /** `curl --aws-sigv4` arguments for service execute-api with the local credentials. */
  signArgs(): string[];
  close(): Promise<void>;
}

export async function startRestFixture(): Promise<RestFixture> {
  const gate = await startGate();
  const warnings: string[] = [];
  const lambda = await startLocalLambda({
    templates: [REST_TEMPLATE],
    port: 0,
    parameterOverrides: { GateUrl: gate.url },
    logger: (record) => {
      if (record.source === 'emulator') warnings.push(record.message);
    },
  });
  return {
    lambda,
    gate,
    warnings,
    api(name) {
      const found = lambda.restApis.find((api) => api.name === name);
      if (!found) throw new Error(`no REST API ${name}`);
      return found;
    },
    signArgs: () => [
      '--aws-sigv4',
      `aws:amz:${lambda.region}:execute-api`,
      '--user',
      `${lambda.credentials.accessKeyId}:${lambda.credentials.secretAccessKey}`,
    ],
    async close() {
      await lambda.close();
      await gate.close();
    },
  };
}

/** The running fixture of a test file, and its `ReportApi` prod stage URL (set in `beforeAll`). */
export interface SharedRestFixture {
  fixture: RestFixture;
  prod: string;
}

/** Starts the fixture once for the test file that calls it, and closes it after. */
export function useRestFixture(): SharedRestFixture {
  const shared = {} as SharedRestFixture;
  beforeAll(async () => {
    shared.fixture = await startRestFixture();
    shared.prod = shared.fixture.api('ReportApi').stageUrls[0] as string;
  }, 30_000);
  afterAll(() => shared.fixture.close());
  return shared;
}
