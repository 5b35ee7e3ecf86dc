import { execFileSync, spawn } from 'node:child_process';
import { createServer } from 'node:net';

/**
 * Every process below `pid` (children, their children, ...), from `ps` (Linux and macOS).
 *
 * @param pid - The root of the tree.
 * @returns The descendants' pids with their command lines.
 */
export function descendants(pid: number): { pid: number; command: string }[] {
  const table = execFileSync('ps', ['-e', '-o', 'pid=,ppid=,args='], { encoding: 'utf8' })
    .split('\n')
    .map((line) => /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(line))
    .filter((match) => match !== null)
    .map(([, child, parent, command]) => ({
      pid: Number(child),
      ppid: Number(parent),
      command: command ?? '',
    }));
  const found: { pid: number; command: string }[] = [];
  const queue = [pid];
  while (queue.length > 0) {
    const parent = queue.shift();
    for (const entry of table.filter((row) => row.ppid === parent)) {
      found.push({ pid: entry.pid, command: entry.command });
      queue.push(entry.pid);
    }
  }
  return found;
}

/** Whether a process exists (signal 0 checks without signalling). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Whether a port on 127.0.0.1 can be bound now. */
export function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host: '127.0.0.1', exclusive: true }, () =>
      server.close(() => resolve(true)),
    );
  });
}

/**
 * Waits until every process is gone and every port free; rejects naming what is left.
 *
 * @param pids - Processes that must exit.
 * @param ports - Ports that must be released.
 * @param timeoutMs - How long to wait.
 */
export async function waitUntilGone(
  pids: readonly { pid: number; command: string }[],
  ports: readonly number[],
  timeoutMs = 15_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const alive = pids.filter((entry) => isAlive(entry.pid));
    const free = await Promise.all(ports.map(isPortFree));
    const held = ports.filter((_, index) => !free[index]);
    if (alive.length === 0 && held.length === 0) return;
    if (Date.now() > deadline) {
      const names = alive.map((entry) => `${entry.pid} ${entry.command.slice(0, 120)}`);
      throw new Error(`still running: ${names.join('; ') || 'none'}; ports held: ${held}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** A started `npm start`: its process, its output so far, and the ports in its banner. */
export interface StartedNpm {
  pid: number;
  output(): string;
  ports: number[];
  exited: Promise<number | null>;
}

/**
 * Runs `npm start -- <args>` at the repository root and waits for the emulator's banner.
 *
 * @param root - The repository root.
 * @param args - Options after `--` (ports).
 * @returns The running npm.
 */
export function startNpm(root: string, args: readonly string[]): Promise<StartedNpm> {
  const child = spawn('npm', ['start', '--', ...args], { cwd: root, stdio: 'pipe' });
  let text = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  return new Promise((resolve, reject) => {
    const onData = (data: Buffer) => {
      text += data.toString();
      if (!text.includes('Press Ctrl-C to stop.')) return;
      child.stdout.off('data', onData);
      const ports = [...text.matchAll(/http:\/\/127\.0\.0\.1:(\d+)\//g)].map((m) => Number(m[1]));
      resolve({ pid: child.pid ?? 0, output: () => text, ports: [...new Set(ports)], exited });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (data: Buffer) => {
      text += data.toString();
    });
    void exited.then((code) => reject(new Error(`npm start exited with ${code}:\n${text}`)));
  });
}
