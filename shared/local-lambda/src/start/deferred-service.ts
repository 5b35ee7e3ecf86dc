import type { LocalFunction } from '../functions/local-function.js';
import type { InvocationService } from '../invocations/contracts.js';

/**
 * A stand-in for the core while the URL servers start: they must listen before the core exists
 * (an ephemeral port is only known once bound, and it is part of each function's URL).
 */
export interface DeferredService {
  service: InvocationService;
  /** Hands every call on to the real core from now on. */
  resolve(real: InvocationService): void;
}

/**
 * @param functions - The functions the core will serve.
 * @returns The stand-in and the function that completes it.
 * @example
 * ```ts
 * const deferred = createDeferredService(functions);
 * const server = createFunctionUrlServer({ fn, url, service: deferred.service, verify });
 * deferred.resolve(createInvocationService({ functions, ... }));
 * ```
 */
export function createDeferredService(functions: readonly LocalFunction[]): DeferredService {
  let real: InvocationService | undefined;
  const current = (): InvocationService => {
    if (!real) throw new Error('local-lambda is still starting');
    return real;
  };
  return {
    service: {
      functions,
      getFunction: (name) => functions.find((fn) => fn.name === name),
      invoke: (request) => current().invoke(request),
      close: async () => real?.close(),
    },
    resolve(service) {
      real = service;
    },
  };
}
