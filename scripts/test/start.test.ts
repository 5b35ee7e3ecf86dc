import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { fileURLToPath } from 'node:url';
import { InvokeWithResponseStreamCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { afterEach, describe, expect, it } from 'vitest';
import { descendants, isAlive, type StartedNpm, startNpm, waitUntilGone } from './process-tree.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const credentials = {
  accessKeyId: 'LOCALLAMBDAACCESSKEY',
  secretAccessKey: 'local-lambda-secret-access-key',
};

let running: StartedNpm | undefined;
afterEach(() => {
  // A failed test must not leave an emulator behind: take the whole tree down.
  if (running === undefined) return;
  for (const entry of descendants(running.pid).reverse()) {
    if (isAlive(entry.pid)) process.kill(entry.pid, 'SIGKILL');
  }
  if (isAlive(running.pid)) process.kill(running.pid, 'SIGKILL');
  running = undefined;
});

/** Starts `npm start` on free ports and leaves ttfb-write's runtime in mid-invocation. */
async function startWithBusyRuntime(): Promise<{
  npm: StartedNpm;
  tree: ReturnType<typeof descendants>;
}> {
  const npm = await startNpm(root, ['--port', '0']);
  running = npm;
  const endpoint = /Lambda API {2}(http:\/\/127\.0\.0\.1:\d+)/.exec(npm.output())?.[1];
  const client = new LambdaClient({ endpoint, region: 'us-east-1', credentials });
  const response = await client.send(
    new InvokeWithResponseStreamCommand({ FunctionName: 'TtfbWriteFunction' }),
  );
  const events = response.EventStream?.[Symbol.asyncIterator]();
  await events?.next(); // the first part of the page: the handler is still writing
  events?.next().catch(() => {}); // cut when everything stops
  const tree = descendants(npm.pid);
  expect(tree.some((entry) => entry.command.includes('scripts/start.mjs'))).toBe(true);
  expect(tree.some((entry) => entry.command.includes('local-lambda.js start'))).toBe(true);
  expect(tree.some((entry) => entry.command.includes('runtime-client/bootstrap.js'))).toBe(true);
  return { npm, tree };
}

function pidOf(tree: ReturnType<typeof descendants>, text: string): number {
  // Not the `sh -c` that npm runs the script through: the process itself.
  const found = tree.find(
    (entry) => entry.command.includes(text) && !entry.command.startsWith('sh '),
  );
  if (found === undefined) throw new Error(`no process running ${text}`);
  return found.pid;
}

describe('npm start (scripts/start.mjs) stops everything it started', () => {
  it('when npm alone gets SIGTERM, as IDEs and process managers send it', async () => {
    // Arrange
    const { npm, tree } = await startWithBusyRuntime();

    // Act
    process.kill(npm.pid, 'SIGTERM');

    // Assert
    await waitUntilGone(tree, npm.ports);
  }, 90_000);

  it('when npm is killed with SIGKILL (start.mjs notices it was re-parented)', async () => {
    // Arrange
    const { npm, tree } = await startWithBusyRuntime();

    // Act
    process.kill(npm.pid, 'SIGKILL');

    // Assert
    await waitUntilGone(tree, npm.ports);
  }, 90_000);

  it('when start.mjs gets SIGHUP (its terminal closed), and npm exits', async () => {
    // Arrange
    const { npm, tree } = await startWithBusyRuntime();

    // Act
    process.kill(pidOf(tree, 'scripts/start.mjs'), 'SIGHUP');

    // Assert
    await waitUntilGone(tree, npm.ports);
    expect(await npm.exited).toBe(0);
  }, 90_000);

  it('when the emulator dies, even by SIGKILL: its runtimes go too', async () => {
    // Arrange
    const { npm, tree } = await startWithBusyRuntime();

    // Act
    process.kill(pidOf(tree, 'local-lambda.js start'), 'SIGKILL');

    // Assert
    await waitUntilGone(tree, npm.ports);
  }, 90_000);
});

describe('npm start with busy ports', () => {
  const held: Server[] = [];
  afterEach(async () => {
    await Promise.all(held.map((server) => new Promise((resolve) => server.close(resolve))));
    held.length = 0;
  });

  async function holdPort(): Promise<number> {
    const server = createServer();
    held.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('no port');
    return address.port;
  }

  it('names every busy port, the command that moves them, and another npm start', async () => {
    // Arrange
    const api = await holdPort();
    const url = await holdPort();
    const child = spawn(
      process.execPath,
      ['scripts/start.mjs', '--port', String(api), '--url-port-base', String(url)],
      { cwd: root, stdio: 'pipe' },
    );
    let stderr = '';
    child.stderr.on('data', (data: Buffer) => {
      stderr += data.toString();
    });

    // Act
    const code = await new Promise((resolve) => child.once('exit', resolve));

    // Assert
    expect(code).toBe(1);
    expect(stderr).toContain(`  ${api} (the Lambda API, --port)`);
    expect(stderr).toContain(`  ${url} (a function URL, --url-port-base)`);
    expect(stderr).toContain(
      `It needs ${api} and ${url}-${url + 5} (the Lambda API and 6 function URLs).`,
    );
    expect(stderr).toContain('Is another `npm start` running, in another terminal?');
    expect(stderr).toMatch(
      / {2}npm start -- --port (\d+) --url-port-base \d+( --rest-api-port-base \d+)?\n|--port 0/,
    );
  }, 90_000);
});
