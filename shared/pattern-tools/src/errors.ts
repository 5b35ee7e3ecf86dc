/**
 * A problem that stops `bundleFunctions`: a missing entry file, a `CodeUri` outside `dist/`, a
 * malformed `Handler`, or an esbuild failure. The message says what to fix; one line per problem.
 *
 * @example
 * ```ts
 * try {
 *   await bundleFunctions();
 * } catch (error) {
 *   if (error instanceof BundleError) console.error(error.message);
 * }
 * ```
 */
export class BundleError extends Error {
  override readonly name = 'BundleError';
}
