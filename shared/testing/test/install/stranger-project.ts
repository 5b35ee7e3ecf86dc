/**
 * What a stranger does with the two tarballs: an empty folder outside the repository, the
 * packages and a test runner installed into it, a handler and its tests written there, and the
 * runner started from there. The tarballs are packed from the built workspaces and installed
 * for real (`npm ci --offline`, with a lock cut from the repository's, see lockfile.ts).
 */
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { type PackedWorkspace, projectLock } from './lockfile.js';

const run = promisify(execFile);

export const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const FIXTURE = fileURLToPath(new URL('./fixture/', import.meta.url));
const WORKSPACES = ['shared/streaming', 'shared/testing'];
/** The tools the stranger installs next to the packages, at the versions the repository pins. */
const TOOLS = ['vitest', 'jest', 'typescript', '@types/node'];

/** A command's exit code and output. */
export interface CommandResult {
  code: number;
  output: string;
}

/** A temporary project with the packages installed. */
export interface StrangerProject {
  dir: string;
  /** Runs a command there (binaries from the project's node_modules/.bin). */
  exec(command: string, args: string[], env?: NodeJS.ProcessEnv): Promise<CommandResult>;
  remove(): Promise<void>;
}

/**
 * Packs both workspaces (as built), and installs the tarballs and the tools into a new folder
 * under the OS temp dir, with the fixture's handler, tests and configuration.
 *
 * @returns The project.
 */
export async function createStrangerProject(): Promise<StrangerProject> {
  const dir = await mkdtemp(join(tmpdir(), 'lambda-streaming-stranger-'));
  const packs = join(dir, 'packs');
  await mkdir(packs);
  const packed = await packWorkspaces(packs);
  const root = JSON.parse(await readFile(join(REPO_ROOT, 'package.json'), 'utf8'));
  const devDependencies = Object.fromEntries(
    TOOLS.map((tool) => [tool, root.devDependencies[tool]]),
  );
  const dependencies = Object.fromEntries(
    packed.map((pack) => [pack.manifest.name, `file:packs/${pack.tarball.split('/').pop()}`]),
  );
  const manifest = {
    name: 'stranger',
    version: '1.0.0',
    private: true,
    type: 'module',
    dependencies,
    devDependencies,
  };
  const rootLock = JSON.parse(await readFile(join(REPO_ROOT, 'package-lock.json'), 'utf8'));
  const lock = {
    name: 'stranger',
    version: '1.0.0',
    lockfileVersion: 3,
    requires: true,
    packages: { '': manifest, ...projectLock(rootLock, packed, devDependencies) },
  };
  await writeFile(join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  await writeFile(join(dir, 'package-lock.json'), `${JSON.stringify(lock, null, 2)}\n`);
  await cp(FIXTURE, dir, { recursive: true });

  const project: StrangerProject = {
    dir,
    exec: (command, args, env = {}) => execIn(dir, command, args, env),
    remove: () => rm(dir, { recursive: true, force: true }),
  };
  const install = await project.exec('npm', [
    'ci',
    '--offline',
    '--ignore-scripts',
    '--no-audit',
    '--no-fund',
  ]);
  if (install.code !== 0) throw new Error(`npm ci failed in ${dir}:\n${install.output}`);
  return project;
}

async function packWorkspaces(destination: string): Promise<PackedWorkspace[]> {
  const args = ['pack', '--json', '--ignore-scripts', '--pack-destination', destination];
  const { stdout } = await run('npm', [...args, ...WORKSPACES.flatMap((w) => ['--workspace', w])], {
    cwd: REPO_ROOT,
  });
  const reports = JSON.parse(stdout) as { filename: string }[];
  return Promise.all(
    WORKSPACES.map(async (folder, index) => ({
      folder,
      tarball: join(destination, (reports[index] as { filename: string }).filename),
      manifest: JSON.parse(await readFile(join(REPO_ROOT, folder, 'package.json'), 'utf8')),
    })),
  );
}

/**
 * The environment of a shell in that folder: without what the repository's own npm, turbo and
 * vitest put there (an inherited `npm_config_workspace` would send npm back to the repository).
 */
function strangerEnvironment(cwd: string, extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const inherited = Object.entries(process.env).filter(
    ([name]) =>
      name === 'npm_config_cache' ||
      !/^(npm_|VITEST|TURBO_|INIT_CWD$|NODE_OPTIONS$|FORCE_COLOR$)/i.test(name),
  );
  const path = `${join(cwd, 'node_modules', '.bin')}:${process.env.PATH ?? ''}`;
  return { ...Object.fromEntries(inherited), ...extra, PATH: path, CI: 'true', NO_COLOR: '1' };
}

async function execIn(cwd: string, command: string, args: string[], env: NodeJS.ProcessEnv) {
  try {
    const { stdout, stderr } = await run(command, args, {
      cwd,
      env: strangerEnvironment(cwd, env),
      maxBuffer: 16 * 1024 * 1024,
    });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? 1, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  }
}
