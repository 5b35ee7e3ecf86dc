import type { RunContext } from './run-context.js';

/** Functions this page has warmed for a comparison, and whose comparisons have stayed warm. */
const warmed = new Set<string>();

/**
 * Gets two execution environments of a function warm before a comparison, so that neither side
 * pays a cold start while the other runs warm: two `Invoke`s at once, with the same event, not
 * drawn. `Invoke` answers once the runtime is back at `/next`, so both environments are idle
 * when this resolves. Done once per function while its comparisons stay warm.
 *
 * @param context - The run's context (its Lambda API).
 * @param name - The function.
 * @param payload - The event, as JSON.
 * @returns `true` when it ran the warm-up now.
 * @example
 * ```ts
 * await warmUp(context, fn.name, JSON.stringify(urlEvent(url)));
 * ```
 */
export async function warmUp(context: RunContext, name: string, payload: string): Promise<boolean> {
  const api = context.api;
  if (!api || warmed.has(name)) return false;
  const invoke = async () => {
    const response = await api.invoke(name, payload, context.signal);
    await response.arrayBuffer();
  };
  await Promise.all([invoke(), invoke()]);
  warmed.add(name);
  return true;
}

/**
 * A side of a comparison started cold after all (an environment ended since): the next
 * comparison of this function warms up again.
 *
 * @example
 * ```ts
 * if (start?.cold) cooled(fn.name);
 * ```
 */
export function cooled(name: string): void {
  warmed.delete(name);
}
