import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));
const run = promisify(execFile);

/** Absolute path of a fixture folder in the repository (read only). */
export function fixturePath(name: string): string {
  return join(FIXTURES, name);
}

/** Copies a fixture pattern into a fresh folder under the OS temp dir; builds never touch the repo. */
export async function copyFixture(name: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `pattern-tools-${name}-`));
  await cp(fixturePath(name), dir, { recursive: true });
  return dir;
}

/** Removes a folder made by {@link copyFixture}. */
export async function removeCopy(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

/** Edits `template.yaml` in a copied fixture with a plain text replacement. */
export async function editTemplate(dir: string, from: string, to: string): Promise<void> {
  const file = join(dir, 'template.yaml');
  const text = await readFile(file, 'utf8');
  if (!text.includes(from)) throw new Error(`template.yaml does not contain ${from}`);
  await writeFile(file, text.replace(from, to));
}

/** Runs an ES module script in a fresh `node` process and returns its stdout. */
export async function runNode(script: string, cwd: string): Promise<string> {
  const { stdout } = await run(process.execPath, ['--input-type=module', '--eval', script], {
    cwd,
  });
  return stdout;
}

/** Runs one of this package's bins; resolves with the exit code and output, never rejects. */
export function runBin(name: string, args: readonly string[], cwd: string) {
  const bin = fileURLToPath(new URL(`../bin/${name}.js`, import.meta.url));
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(process.execPath, [bin, ...args], { cwd }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 1;
      resolve({ code, stdout, stderr });
    });
  });
}
