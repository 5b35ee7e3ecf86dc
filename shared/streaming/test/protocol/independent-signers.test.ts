import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { NodeSha256 } from '../../src/node-sha256.js';
import {
  createSigV4Verifier,
  INVALID_TOKEN_MESSAGE,
  type ReceivedRequest,
  type Sha256Constructor,
  SIGNATURE_MISMATCH_MESSAGE,
  type SigV4VerifierOptions,
} from '../../src/protocol/index.js';
import {
  invokeWithSdk,
  signWithBoto3,
  signWithCurl,
  type TestCredentials,
} from './helpers/real-signers.js';
import { startVerifyingServer, type VerifyingServer } from './helpers/verifying-server.js';

// The independent check of the verifier: requests signed by the real JS SDK, by boto3 and by
// curl, each with its own SigV4 code, must verify, and tampered copies must fail with the
// reason AWS gives. Each request is verified live by the server, with node:crypto, and again
// below with the browser's default hash.

const credentials: TestCredentials = {
  accessKeyId: 'AKIDINDEPENDENT',
  secretAccessKey: 'independent/secret+key',
  sessionToken: 'IQoJb3JpZ2luX2VjEJr//token+with/slashes==',
};
const region = 'eu-west-1';
const lambdaOptions: SigV4VerifierOptions = { credentials, region, sha256: NodeSha256 };
const apiOptions: SigV4VerifierOptions = { ...lambdaOptions, service: 'execute-api' };

let lambda: VerifyingServer;
let api: VerifyingServer;
/** One captured request per client, by name, with the options of its service. */
const captured = new Map<string, { request: ReceivedRequest; options: SigV4VerifierOptions }>();

beforeAll(async () => {
  vi.stubEnv('AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED', 'true');
  lambda = await startVerifyingServer(createSigV4Verifier(lambdaOptions));
  api = await startVerifyingServer(createSigV4Verifier(apiOptions));
  await invokeWithSdk(lambda.origin, credentials, region);
  await signWithBoto3(lambda.origin, api.origin, credentials, region);
  // curl 7.88 signs the path as sent, without the second encoding: a plain name (spec §6.1).
  const invokePath = '/2015-03-31/functions/Fn/invocations?Qualifier=1';
  await signWithCurl(`${lambda.origin}${invokePath}`, 'lambda', credentials, region);
  await signWithCurl(`${api.origin}/prod/items?a=1&b=2`, 'execute-api', credentials, region);
  const [sdk, boto3, curl] = lambda.requests;
  const [botocoreApi, curlApi] = api.requests;
  for (const [name, request, options] of [
    ['@aws-sdk/client-lambda Invoke', sdk, lambdaOptions],
    ['boto3 invoke', boto3, lambdaOptions],
    ['curl --aws-sigv4 lambda', curl, lambdaOptions],
    ['botocore SigV4Auth execute-api', botocoreApi, apiOptions],
    ['curl --aws-sigv4 execute-api', curlApi, apiOptions],
  ] as const) {
    if (request) captured.set(name, { request, options });
  }
}, 60_000);

afterAll(async () => {
  vi.unstubAllEnvs();
  await lambda?.close();
  await api?.close();
});

const clients = [
  '@aws-sdk/client-lambda Invoke',
  'boto3 invoke',
  'curl --aws-sigv4 lambda',
  'botocore SigV4Auth execute-api',
  'curl --aws-sigv4 execute-api',
];

function capturedBy(client: string) {
  const found = captured.get(client);
  if (!found) throw new Error(`no request captured from ${client}`);
  return found;
}

describe('requests signed by real AWS clients', () => {
  it('all reached the servers and verified live with node:crypto', () => {
    // Assert
    expect([...captured.keys()]).toEqual(clients);
    expect([...lambda.results, ...api.results].every((result) => result.ok)).toBe(true);
    const { request } = capturedBy('@aws-sdk/client-lambda Invoke');
    expect(request.rawPath).toContain('arn%3Aaws%3Alambda');
  });

  it.each([
    ['@aws-crypto/sha256-js, the default', undefined],
    ['node:crypto', NodeSha256],
  ])('verify with %s', async (_hash, sha256: Sha256Constructor | undefined) => {
    for (const client of clients) {
      // Arrange
      const { request, options } = capturedBy(client);
      const verify = createSigV4Verifier({ ...options, ...(sha256 ? { sha256 } : {}) });

      // Act
      const result = await verify(request);

      // Assert
      expect({ client, result }).toEqual({
        client,
        result: { ok: true, accessKeyId: credentials.accessKeyId },
      });
    }
  });
});

const mismatch = { errorType: 'InvalidSignatureException', message: SIGNATURE_MISMATCH_MESSAGE };
const unrecognized = { errorType: 'UnrecognizedClientException', message: INVALID_TOKEN_MESSAGE };
const encoder = new TextEncoder();

function headersWithout(request: ReceivedRequest, name: string): string[] {
  const kept: string[] = [];
  for (let i = 0; i + 1 < request.rawHeaders.length; i += 2) {
    const [header = '', value = ''] = request.rawHeaders.slice(i, i + 2);
    if (header.toLowerCase() !== name) kept.push(header, value);
  }
  return kept;
}

function withHeader(request: ReceivedRequest, name: string, value: string): ReceivedRequest {
  return { ...request, rawHeaders: [...headersWithout(request, name), name, value] };
}

type Tamper = (request: ReceivedRequest) => ReceivedRequest;
type Reconfigure = (options: SigV4VerifierOptions) => SigV4VerifierOptions;
const same: Reconfigure = (options) => options;
const untouched: Tamper = (request) => request;
const signedAt = (request: ReceivedRequest) =>
  /x-amz-date,(\d{8}T\d{6}Z)/i.exec(request.rawHeaders.join())?.[1] ?? '';

describe.each(clients)('a tampered request from %s', (client) => {
  it.each<[string, Tamper, Reconfigure, object]>([
    ['a changed body', (r) => ({ ...r, body: encoder.encode('{"from":"x"}') }), same, mismatch],
    ['a changed path', (r) => ({ ...r, rawPath: `${r.rawPath}x` }), same, mismatch],
    ['an added query parameter', (r) => ({ ...r, rawQuery: `${r.rawQuery}&z=1` }), same, mismatch],
    ['a changed host', (r) => withHeader(r, 'host', 'attacker.example'), same, mismatch],
    ['a changed method', (r) => ({ ...r, method: 'PUT' }), same, mismatch],
    [
      'another secret',
      untouched,
      (o) => ({ ...o, credentials: { ...credentials, secretAccessKey: 'x' } }),
      mismatch,
    ],
    [
      'an unknown access key',
      untouched,
      (o) => ({ ...o, credentials: { ...credentials, accessKeyId: 'AKIDOTHER' } }),
      unrecognized,
    ],
    [
      'no session token',
      (r) => ({ ...r, rawHeaders: headersWithout(r, 'x-amz-security-token') }),
      same,
      unrecognized,
    ],
    [
      'another region',
      untouched,
      (o) => ({ ...o, region: 'us-east-1' }),
      {
        errorType: 'InvalidSignatureException',
        message: 'Credential should be scoped to a valid region.',
      },
    ],
    [
      'no Authorization header',
      (r) => ({ ...r, rawHeaders: headersWithout(r, 'authorization') }),
      same,
      { errorType: 'MissingAuthenticationTokenException', message: 'Missing Authentication Token' },
    ],
  ])('fails for %s', async (_change, tamper, reconfigure, failure) => {
    // Arrange
    const { request, options } = capturedBy(client);
    const verify = createSigV4Verifier(reconfigure(options));

    // Act
    const result = await verify(tamper(request));

    // Assert
    expect(result).toEqual({ ok: false, failure });
  });

  it('fails as expired six minutes later, and passes with an unsigned header added', async () => {
    // Arrange
    const { request, options } = capturedBy(client);
    const date = signedAt(request);
    const signed = Date.parse(
      date.replace(/(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z/, '$1-$2-$3T$4:$5:$6Z'),
    );
    const later = createSigV4Verifier({ ...options, now: () => new Date(signed + 6 * 60_000) });
    const verify = createSigV4Verifier(options);

    // Act
    const expired = await later(request);
    const proxied = await verify(withHeader(request, 'x-forwarded-for', '203.0.113.9'));

    // Assert
    expect(expired).toEqual({
      ok: false,
      failure: {
        errorType: 'InvalidSignatureException',
        message: expect.stringMatching(
          new RegExp(`^Signature expired: ${date} is now earlier than`),
        ),
      },
    });
    expect(proxied.ok).toBe(true);
  });
});

describe('the get-vanilla vector of the AWS SigV4 test suite', () => {
  it('verifies with the published signature, for the service named in its scope', async () => {
    // Arrange
    const verify = createSigV4Verifier({
      credentials: {
        accessKeyId: 'AKIDEXAMPLE',
        secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
      },
      region: 'us-east-1',
      service: 'service',
      now: () => new Date('2015-08-30T12:36:00Z'),
    });
    const authorization =
      'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, ' +
      'SignedHeaders=host;x-amz-date, ' +
      'Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31';
    const request: ReceivedRequest = {
      method: 'GET',
      rawPath: '/',
      rawQuery: '',
      rawHeaders: [
        'Host',
        'example.amazonaws.com',
        'X-Amz-Date',
        '20150830T123600Z',
        'Authorization',
        authorization,
      ],
      body: new Uint8Array(0),
    };

    // Act
    const result = await verify(request);
    const tampered = await verify({ ...request, rawPath: '/x' });

    // Assert
    expect(result).toEqual({ ok: true, accessKeyId: 'AKIDEXAMPLE' });
    expect(tampered).toEqual({ ok: false, failure: mismatch });
  });
});
