/**
 * A throw-away copy of this repository outside it, for tests that change the repository (such
 * as scaffolding a pattern) and then build, lint and test it offline.
 */
import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  realpathSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** A copy of the repository and how to dispose of it. */
export interface RepoCopy {
  readonly root: string;
  /** Links a workspace of the copy into its node_modules, as `npm install` would. */
  linkWorkspace(packageName: string, folder: string): void;
  dispose(): void;
}

/**
 * Copies the files git tracks (with their changes, plus new files not ignored) into a temporary
 * folder, and gives the copy a node_modules of links to this repository's installed and built
 * packages: no network, no install, and nothing written back into the repository.
 *
 * @param repoRoot - The repository to copy.
 * @returns The copy.
 * @example
 * ```ts
 * const copy = copyRepository(repoRoot);
 * try { ... } finally { copy.dispose(); }
 * ```
 */
export function copyRepository(repoRoot: string): RepoCopy {
  const root = mkdtempSync(join(tmpdir(), 'repo-copy-'));
  const listed = execFileSync(
    'git',
    ['ls-files', '-z', '--cached', '--others', '--exclude-standard'],
    { cwd: repoRoot, encoding: 'utf8' },
  );
  for (const file of listed.split('\0').filter(Boolean)) {
    if (!existsSync(join(repoRoot, file))) continue; // deleted in the work tree
    mkdirSync(dirname(join(root, file)), { recursive: true });
    cpSync(join(repoRoot, file), join(root, file));
  }
  const modules = join(root, 'node_modules');
  linkEntries(join(repoRoot, 'node_modules'), modules);
  return {
    root,
    linkWorkspace(packageName, folder) {
      mkdirSync(dirname(join(modules, packageName)), { recursive: true });
      symlinkSync(join(root, folder), join(modules, packageName), 'dir');
    },
    dispose: () => rmSync(root, { recursive: true, force: true }),
  };
}

/** Links every package (and `.bin`) of `from` into a new folder `to`; scopes become folders. */
function linkEntries(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    if (entry.name.startsWith('.') && entry.name !== '.bin') continue; // caches, lock file
    const source = join(from, entry.name);
    if (entry.name.startsWith('@')) linkEntries(source, join(to, entry.name));
    else symlinkSync(realpathSync(source), join(to, entry.name), 'dir');
  }
}
