/**
 * A package-lock.json for a project outside the repository, cut from the repository's own lock,
 * so that `npm ci --offline` installs it from npm's cache: `npm ci` of the repository fills the
 * cache with every tarball by integrity, but not with the registry metadata that resolving a
 * version range would need.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** One entry of a lockfile's `packages`. */
interface LockEntry {
  version?: string;
  link?: boolean;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  [field: string]: unknown;
}

/** A packed workspace: its tarball, the folder it was packed from, and its manifest. */
export interface PackedWorkspace {
  tarball: string;
  /** The workspace folder, relative to the repository root (`shared/testing`). */
  folder: string;
  manifest: LockEntry & { name: string; version: string };
}

/**
 * Builds the lock: the tarballs at `node_modules/<name>` (from `file:packs/<file>`), and every
 * package they and `devDependencies` need, at the place the repository's lock has it (a copy
 * nested under a workspace folder moves under that package's own `node_modules`).
 */
export function projectLock(
  rootLock: { packages: Record<string, LockEntry> },
  packed: PackedWorkspace[],
  devDependencies: Record<string, string>,
) {
  const packages: Record<string, LockEntry> = {};
  const byFolder = new Map(packed.map((pack) => [pack.folder, pack]));
  const pending: Needed[] = [{ from: '', deps: devDependencies, optional: new Set() }];
  for (const pack of packed) {
    packages[`node_modules/${pack.manifest.name}`] = tarballEntry(pack);
    pending.push(needs(pack.folder, pack.manifest));
  }
  for (let next = pending.pop(); next; next = pending.pop()) {
    for (const name of Object.keys(next.deps)) {
      const found = resolveIn(rootLock.packages, next.from, name);
      if (!found) {
        if (next.optional.has(name)) continue;
        throw new Error(`${name}, needed by ${next.from || 'the project'}, is not in the lock`);
      }
      const entry = rootLock.packages[found] as LockEntry;
      if (entry.link) {
        if (!byFolder.has(entry.resolved as string)) throw new Error(`${name} was not packed`);
        continue;
      }
      const target = relocate(found, byFolder);
      if (packages[target]) continue;
      packages[target] = { resolved: tarballUrl(found, entry), ...entry };
      pending.push(needs(found, entry));
    }
  }
  return packages;
}

/** What a package at `from` needs installed: its dependencies and non-optional peers. */
interface Needed {
  from: string;
  deps: Record<string, string>;
  optional: Set<string>;
}

function needs(from: string, entry: LockEntry): Needed {
  const optional = new Set(Object.keys(entry.optionalDependencies ?? {}));
  for (const [name, meta] of Object.entries(entry.peerDependenciesMeta ?? {})) {
    if (meta.optional) optional.add(name);
  }
  const deps = { ...entry.peerDependencies, ...entry.optionalDependencies, ...entry.dependencies };
  return { from, deps, optional };
}

/** The lock entry of a tarball, with the integrity npm checks it against. */
function tarballEntry(pack: PackedWorkspace): LockEntry {
  const { version, dependencies, peerDependencies, peerDependenciesMeta } = pack.manifest;
  return {
    version,
    resolved: `file:packs/${pack.tarball.split('/').pop()}`,
    integrity: `sha512-${createHash('sha512').update(readFileSync(pack.tarball)).digest('base64')}`,
    ...(dependencies ? { dependencies } : {}),
    ...(peerDependencies ? { peerDependencies } : {}),
    ...(peerDependenciesMeta ? { peerDependenciesMeta } : {}),
  };
}

/**
 * Where the registry serves the tarball. The repository's lock may leave `resolved` out
 * (`omit-lockfile-registry-resolved`); npm would then ask the registry for the package's
 * metadata, which an offline install cannot.
 */
function tarballUrl(path: string, entry: LockEntry): string {
  if (typeof entry.resolved === 'string') return entry.resolved;
  const name =
    (entry.name as string | undefined) ?? path.slice(path.lastIndexOf('node_modules/') + 13);
  return `${REGISTRY}${name}/-/${name.split('/').pop()}-${entry.version}.tgz`;
}

/** The registry npm is configured with (npm passes it to scripts), or npm's default. */
const REGISTRY = (process.env.npm_config_registry ?? 'https://registry.npmjs.org/').replace(
  /\/?$/,
  '/',
);

/** Node's lookup: `<from>/node_modules/<name>`, then each enclosing `node_modules`. */
function resolveIn(packages: Record<string, LockEntry>, from: string, name: string) {
  let base = from;
  for (;;) {
    const candidate = `${base ? `${base}/` : ''}node_modules/${name}`;
    if (packages[candidate]) return candidate;
    if (!base) return undefined;
    const parent = base.lastIndexOf('/node_modules/');
    base = parent < 0 ? '' : base.slice(0, parent);
  }
}

/** `shared/testing/node_modules/x` belongs under the installed package: `node_modules/@…/testing/node_modules/x`. */
function relocate(path: string, byFolder: Map<string, PackedWorkspace>): string {
  for (const [folder, pack] of byFolder) {
    if (path.startsWith(`${folder}/`)) {
      return `node_modules/${pack.manifest.name}/${path.slice(folder.length + 1)}`;
    }
  }
  return path;
}
