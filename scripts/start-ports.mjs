// The ports `npm start` needs (the Lambda API, one per function URL, one per REST API), checked all at once
// before the emulator starts, so that a second `npm start` is told every busy port and the
// command that moves them, not one port at a time.
import { createServer } from 'node:net';

/**
 * Reads the options of `local-lambda start` that decide the ports.
 *
 * @param {readonly string[]} args - The extra arguments of `npm start -- ...`.
 * @returns {{ host: string, port: number, urlPortBase: number, restApiPortBase: number, templates: string[] }}
 * @example
 * portOptions(['--port', '4100']); // { host: '127.0.0.1', port: 4100, urlPortBase: 4101, restApiPortBase: 3100, templates: [] }
 */
export function portOptions(args) {
  const value = (names) => {
    let found;
    args.forEach((arg, index) => {
      for (const name of names) {
        if (arg === name) found = args[index + 1];
        else if (arg.startsWith(`${name}=`)) found = arg.slice(name.length + 1);
      }
    });
    return found;
  };
  const templates = args.flatMap((arg, index) =>
    arg === '--template' || arg === '-t' ? [args[index + 1] ?? ''] : [],
  );
  const port = Number(value(['--port', '-p']) ?? 3000);
  const base = value(['--url-port-base']);
  const urlPortBase = base === undefined ? (port === 0 ? 0 : port + 1) : Number(base);
  const rest = value(['--rest-api-port-base']);
  const restApiPortBase = rest === undefined ? (port === 0 ? 0 : 3100) : Number(rest);
  return { host: value(['--host']) ?? '127.0.0.1', port, urlPortBase, restApiPortBase, templates };
}

/**
 * Whether a TCP port can be bound on the host now.
 *
 * @param {number} port - The port.
 * @param {string} host - The address.
 * @returns {Promise<boolean>} True when it is free.
 * @example
 * if (!(await isPortFree(3000, '127.0.0.1'))) console.error('3000 is taken');
 */
export function isPortFree(port, host) {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

async function freeBlock(host, count, restCount) {
  for (let base = 4100; base < 5000; base += 100) {
    const ports = Array.from({ length: count + 1 }, (_, index) => base + index);
    ports.push(...Array.from({ length: restCount }, (_, index) => base + 50 + index));
    const free = await Promise.all(ports.map((port) => isPortFree(port, host)));
    if (free.every(Boolean)) return base;
  }
  return undefined;
}

/**
 * Checks every port `npm start` needs; when some are busy, the message to print.
 *
 * @param {{ host: string, port: number, urlPortBase: number, restApiPortBase?: number }} options - From {@link portOptions}.
 * @param {number} urlCount - How many function URLs the templates define.
 * @param {number} [restApiCount] - How many REST APIs the templates define.
 * @returns {Promise<string | undefined>} The message, or undefined when every port is free.
 * @example
 * const problem = await busyPortsMessage(portOptions(args), 6);
 * if (problem) { console.error(problem); process.exit(1); }
 */
export async function busyPortsMessage(
  { host, port, urlPortBase, restApiPortBase = 0 },
  urlCount,
  restApiCount = 0,
) {
  const needed = [];
  if (port !== 0) needed.push({ port, what: 'the Lambda API, --port' });
  if (urlPortBase !== 0) {
    for (let index = 0; index < urlCount; index += 1) {
      needed.push({ port: urlPortBase + index, what: 'a function URL, --url-port-base' });
    }
  }
  for (let index = 0; restApiPortBase !== 0 && index < restApiCount; index += 1) {
    needed.push({ port: restApiPortBase + index, what: 'a REST API, --rest-api-port-base' });
  }
  const free = await Promise.all(needed.map((entry) => isPortFree(entry.port, host)));
  const busy = needed.filter((_, index) => !free[index]);
  if (busy.length === 0) return undefined;
  const urls = urlCount === 0 ? '' : ` and ${urlPortBase}-${urlPortBase + urlCount - 1}`;
  const base = await freeBlock(host, urlCount, restApiCount);
  const restMove = restApiCount === 0 ? '' : ` --rest-api-port-base ${(base ?? 0) + 50}`;
  const move =
    base === undefined
      ? 'npm start -- --port 0   (free ports, chosen at start)'
      : `npm start -- --port ${base} --url-port-base ${base + 1}${restMove}`;
  return [
    `npm start: ${busy.length === 1 ? 'a port it needs is' : 'ports it needs are'} in use on ${host}:`,
    ...busy.map((entry) => `  ${entry.port} (${entry.what})`),
    `It needs ${port}${urls} (the Lambda API and ${urlCount} function URLs).`,
    'Is another `npm start` running, in another terminal? Stop it with Ctrl-C there, or move this one:',
    `  ${move}`,
  ].join('\n');
}
