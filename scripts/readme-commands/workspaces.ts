/** The npm workspaces of the repository and their scripts, for `npm run X -w W` lines. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One workspace (or the root, with dir `.`). */
export interface Workspace {
  name: string;
  dir: string;
  scripts: Record<string, string>;
}

function read(root: string, dir: string): Workspace | undefined {
  const file = join(root, dir, 'package.json');
  if (!existsSync(file)) return undefined;
  const pkg = JSON.parse(readFileSync(file, 'utf8')) as {
    name?: string;
    scripts?: Record<string, string>;
  };
  return { name: pkg.name ?? dir, dir, scripts: pkg.scripts ?? {} };
}

/**
 * The root package and every workspace its `workspaces` globs (`dir/*` or `dir`) name.
 *
 * @param root - The repository root.
 * @returns The root first (dir `.`), then the workspaces.
 * @example
 * ```ts
 * listWorkspaces(root).find((w) => w.dir === 'patterns/sdk-invoke')?.scripts.invoke;
 * ```
 */
export function listWorkspaces(root: string): Workspace[] {
  const rootPackage = read(root, '.');
  const globs = (
    JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { workspaces?: string[] }
  ).workspaces;
  const dirs = (globs ?? []).flatMap((glob) =>
    glob.endsWith('/*')
      ? readdirSync(join(root, glob.slice(0, -2)), { withFileTypes: true })
          .filter((entry) => entry.isDirectory())
          .map((entry) => `${glob.slice(0, -2)}/${entry.name}`)
      : [glob],
  );
  return [rootPackage, ...dirs.map((dir) => read(root, dir))].filter(
    (workspace): workspace is Workspace => workspace !== undefined,
  );
}

/**
 * Finds a workspace by what `-w` accepts: its folder or its package name.
 *
 * @param workspaces - From {@link listWorkspaces}.
 * @param spec - `patterns/sdk-invoke`, `./patterns/sdk-invoke/` or `@lambda-streaming/local-lambda`.
 * @returns The workspace, if any.
 * @example
 * ```ts
 * findWorkspace(listWorkspaces(root), 'patterns/sdk-invoke')?.name;
 * ```
 */
export function findWorkspace(
  workspaces: readonly Workspace[],
  spec: string,
): Workspace | undefined {
  const dir = spec.replace(/^\.\//, '').replace(/\/$/, '');
  return workspaces.find((workspace) => workspace.dir === dir || workspace.name === spec);
}
