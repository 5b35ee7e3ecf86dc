import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type FixtureEmulator, startFixtureEmulator } from '../fixtures/frontend/emulator.js';
import { curl } from '../fixtures/frontend/url-servers.js';

const EXPECTED = 'expected access key LOCALLAMBDAACCESSKEY, region us-east-1, service lambda.';

describe('a request refused for its signature', () => {
  let emulator: FixtureEmulator;
  const notices = () =>
    emulator.records.filter((record) => record.source === 'emulator').map((r) => r.message);
  /** curl signing with the local credentials for another region or service. */
  const signedFor = (scope: string, url: string, ...args: string[]) => {
    const { accessKeyId, secretAccessKey } = emulator.lambda.credentials;
    const user = `${accessKeyId}:${secretAccessKey}`;
    return curl(['--aws-sigv4', scope, '--user', user, ...args, url]);
  };
  beforeAll(async () => {
    emulator = await startFixtureEmulator();
  });
  beforeEach(() => {
    emulator.records.length = 0;
  });
  afterAll(() => emulator.close());

  it('is logged in one line naming the function URL, the reason and what was expected', async () => {
    // Arrange
    const url = emulator.urlOf('StreamFn');

    // Act
    const result = await signedFor('aws:amz:eu-west-1:lambda', url);

    // Assert: the client gets AWS's shape and words; the console says what was expected.
    expect(result.status).toBe(403);
    expect(result.headers.get('x-amzn-errortype')).toEqual(['InvalidSignatureException']);
    expect(JSON.parse(result.body.toString())).toEqual({
      message: 'Credential should be scoped to a valid region.',
    });
    expect(notices()).toEqual([
      `403 for GET / on the function URL of StreamFn (${url}): InvalidSignatureException ` +
        '"Credential should be scoped to a valid region." Signed with access key ' +
        `LOCALLAMBDAACCESSKEY, region eu-west-1, service lambda; ${EXPECTED}`,
    ]);
  });

  it('is logged in one line naming the Lambda API, the reason and what was expected', async () => {
    // Arrange
    const { endpoint } = emulator.lambda;
    const path = '/2015-03-31/functions/EchoFn/invocations';

    // Act
    const result = await signedFor(
      'aws:amz:us-east-1:execute-api',
      `${endpoint}${path}`,
      '-d',
      '{}',
    );

    // Assert
    expect(result.status).toBe(403);
    expect(result.headers.get('x-amzn-errortype')).toEqual(['InvalidSignatureException']);
    expect(JSON.parse(result.body.toString())).toEqual({
      message: "Credential should be scoped to correct service: 'lambda'.",
    });
    expect(notices()).toEqual([
      `403 for POST ${path} on the Lambda API (${endpoint}): InvalidSignatureException ` +
        `"Credential should be scoped to correct service: 'lambda'." Signed with access key ` +
        `LOCALLAMBDAACCESSKEY, region us-east-1, service execute-api; ${EXPECTED}`,
    ]);
  });

  it('says that an unsigned request to an AWS_IAM URL carries no signature', async () => {
    // Arrange
    const url = emulator.urlOf('StreamFn');

    // Act
    const result = await curl([url]);

    // Assert
    expect(result.status).toBe(403);
    expect(result.headers.get('x-amzn-errortype')).toEqual(['AccessDeniedException']);
    expect(notices()).toEqual([
      `403 for GET / on the function URL of StreamFn (${url}): the request is not signed ` +
        `(no Authorization header); ${EXPECTED}`,
    ]);
  });
});
