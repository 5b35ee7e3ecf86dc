import { spawn } from 'node:child_process';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** How a run of the script ended. */
export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** A clean place to run a shell script from a test. */
export interface ScriptSandbox {
  /**
   * Runs the script with only HOME, PATH and `env`: no AWS_* variables from this machine.
   * `onStdout` is called on every stdout chunk, as it arrives.
   */
  run(args: string[], env?: Record<string, string>, onStdout?: () => void): Promise<Run>;
  /** Puts an `aws` command with this bash body first on the PATH. */
  fakeAws(body: string): Promise<void>;
  /** Removes the fake `aws` command. */
  removeFakeAws(): Promise<void>;
  /** Deletes the sandbox. */
  dispose(): Promise<void>;
}

/**
 * Creates a sandbox for a script: an empty HOME (no ~/.aws, no ~/.curlrc) and a PATH of system
 * tools behind a directory for fake commands (the machine's own `aws` is not on it).
 *
 * @param script - Absolute path of the executable script.
 * @returns The sandbox.
 * @example
 * ```ts
 * const sandbox = await createScriptSandbox(script);
 * const { code, stderr } = await sandbox.run(['--help']);
 * ```
 */
export async function createScriptSandbox(script: string): Promise<ScriptSandbox> {
  const home = await mkdtemp(join(tmpdir(), 'script-sandbox-'));
  const bin = join(home, 'bin');
  await mkdir(bin);
  return {
    run: (args, env = {}, onStdout) =>
      new Promise<Run>((resolve, reject) => {
        const child = spawn(script, args, {
          env: { HOME: home, PATH: `${bin}:/usr/bin:/bin`, ...env },
        });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (data: Buffer) => {
          stdout += data.toString();
          onStdout?.();
        });
        child.stderr.on('data', (data: Buffer) => {
          stderr += data.toString();
        });
        child.once('error', reject);
        child.once('close', (code) => resolve({ code, stdout, stderr }));
      }),
    fakeAws: async (body) => {
      await writeFile(join(bin, 'aws'), `#!/usr/bin/env bash\n${body}\n`);
      await chmod(join(bin, 'aws'), 0o755);
    },
    removeFakeAws: () => rm(join(bin, 'aws'), { force: true }),
    dispose: () => rm(home, { recursive: true, force: true }),
  };
}
