import { fileURLToPath } from 'node:url';
import {
  DEFAULT_CREDENTIALS,
  type LocalLambda,
  startLocalLambda,
} from '@lambda-streaming/local-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScriptSandbox, type ScriptSandbox } from './script-sandbox.js';

const script = fileURLToPath(new URL('../ttfb', import.meta.url));
const template = fileURLToPath(new URL('./fixtures/ttfb/template.yaml', import.meta.url));
const keys = {
  AWS_ACCESS_KEY_ID: DEFAULT_CREDENTIALS.accessKeyId,
  AWS_SECRET_ACCESS_KEY: DEFAULT_CREDENTIALS.secretAccessKey,
};

let sandbox: ScriptSandbox;
let lambda: LocalLambda;
let iamUrl: string;
let publicUrl: string;

beforeAll(async () => {
  sandbox = await createScriptSandbox(script);
  lambda = await startLocalLambda({ templates: template, port: 0, logger: () => {} });
  const urlOf = (name: string) => lambda.functions.find((fn) => fn.name === name)?.url ?? '';
  iamUrl = urlOf('TtfbScriptIamFunction');
  publicUrl = urlOf('TtfbScriptPublicFunction');
}, 30_000);

afterAll(async () => {
  await lambda?.close();
  await sandbox?.dispose();
});

describe('scripts/ttfb', () => {
  it('times signed runs and prints percentiles, bytes, chunks and a timeline', async () => {
    // Arrange
    const args = ['--runs', '2', '--region', 'us-east-1', iamUrl];

    // Act
    const { code, stdout } = await sandbox.run(args, keys);

    // Assert
    expect(code).toBe(0);
    expect(stdout).toContain(`GET ${iamUrl}: 2 run(s), signed with SigV4 for us-east-1`);
    const runLines = stdout.split('\n').filter((line) => /^[12] +200 /.test(line));
    expect(runLines).toHaveLength(2);
    // 14 bytes written in 3 parts; a client that reads late on a busy machine may get them in fewer
    // chunks (there is no chunk fidelity), so the count is bounded, not exact.
    for (const line of runLines) expect(line).toMatch(/ 14 +[123]$/);
    expect(stdout).toMatch(/^time to first byte +[\d.]+ ms +[\d.]+ ms +[\d.]+ ms$/m);
    expect(stdout).toMatch(/^time to last byte +[\d.]+ ms +[\d.]+ ms +[\d.]+ ms$/m);
    const timeline = stdout.split('\n').find((line) => /^\|[#.]+\|$/.test(line)) ?? '';
    expect(timeline.match(/#/g)?.length).toBeGreaterThanOrEqual(1);
  }, 30_000);

  it('sends unsigned requests with --no-sign', async () => {
    // Act
    const { code, stdout } = await sandbox.run(['--no-sign', '--runs', '1', publicUrl]);

    // Assert
    expect(code).toBe(0);
    expect(stdout).toContain('1 run(s), unsigned');
    expect(stdout).toMatch(/^1 +200 /m);
  }, 30_000);

  it('exits with 1 and shows the error when a URL refuses the call', async () => {
    // Act
    const { code, stdout } = await sandbox.run(['--no-sign', '--runs', '1', iamUrl]);

    // Assert
    expect(code).toBe(1);
    expect(stdout).toMatch(/^1 +403 /m);
    expect(stdout).toContain('Run 1 answered 403: {"Message":"Forbidden.');
  }, 30_000);

  it('exits with 2 and the usage when it cannot tell the signing region', async () => {
    // Act
    const { code, stderr } = await sandbox.run([iamUrl], keys);

    // Assert
    expect(code).toBe(2);
    expect(stderr).toContain('pass --region');
    expect(stderr).toContain('Usage: scripts/ttfb');
  }, 30_000);
});
