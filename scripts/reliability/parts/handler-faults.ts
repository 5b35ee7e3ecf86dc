/**
 * Handler faults, each followed by a good invocation of the same function: the fault is
 * reported as Lambda reports a function error, and the emulator (and the function) serve on.
 */
import { send, sign } from '../lib/http.js';
import type { Case } from '../lib/part.js';
import type { Targets } from './targets.js';

const FAULTS = ['throw', 'reject', 'exit', 'timeout', 'oversize', 'not-serializable', 'uncaught'];

async function invoke(targets: Targets, event: unknown) {
  const url = targets.invokeUrl('RelFaultsFunction');
  const body = JSON.stringify(event);
  return send({ url, headers: await sign(url, body), body });
}

/**
 * @param seen - Receives `fault → errorType` as reported.
 * @returns One case per fault (fault, then a good invocation).
 * @example
 * ```ts
 * await runPart('Handler faults', faultCases(targets, seen), pid);
 * ```
 */
export function faultCases(targets: Targets, seen: Map<string, string>): Case[] {
  return FAULTS.map((fault) => ({
    name: fault,
    run: async () => {
      const failed = await invoke(targets, { fault });
      const functionError = failed.headers['x-amz-function-error'];
      let errorType = '';
      try {
        errorType = String(JSON.parse(failed.body).errorType ?? '');
      } catch {
        errorType = '';
      }
      seen.set(fault, errorType);
      if (failed.status !== 200 || functionError !== 'Unhandled' || errorType === '') {
        return `fault answered ${failed.status}, X-Amz-Function-Error ${String(functionError)}, body ${failed.body.slice(0, 200)}`;
      }
      const good = await invoke(targets, { fault: 'none' });
      if (
        good.status !== 200 ||
        good.headers['x-amz-function-error'] ||
        !good.body.includes('"ok":true')
      ) {
        return `the good invocation after it answered ${good.status}: ${good.body.slice(0, 200)}`;
      }
      return null;
    },
  }));
}
