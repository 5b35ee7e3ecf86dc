import type { RefValue, TemplateMap } from './values.js';

/** What resolving intrinsic functions needs to know about the template. */
export interface ResolveContext {
  /** Template path for error messages. */
  readonly file: string;
  /** `Ref` targets that resolve locally: parameters and pseudo parameters. */
  readonly refs: ReadonlyMap<string, RefValue>;
  /** The template's `Mappings` section. */
  readonly mappings: TemplateMap;
  /** Evaluates a named condition; `path` is where it is referenced, for error messages. */
  readonly condition: (name: string, path: string) => boolean;
  /** Collects messages about values that cannot be emulated exactly. */
  readonly warnings: string[];
}

/** Where a value is being resolved, with helpers bound to that place. */
export interface Scope {
  readonly context: ResolveContext;
  /** Property path, e.g. `Resources.Fn.Properties.Timeout`. */
  readonly path: string;
  /** Resolves a nested value at the same path. */
  resolve(value: unknown): unknown;
  /** Throws a `TemplateError` for this file and path. */
  fail(detail: string): never;
}

/** Resolves the argument of one intrinsic function; returns it unresolved when it must stay so. */
export type IntrinsicResolver = (argument: unknown, scope: Scope) => unknown;
