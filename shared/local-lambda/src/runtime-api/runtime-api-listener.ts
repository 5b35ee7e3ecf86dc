/**
 * What the Runtime API server tells its environment, and RAPID's runtime states (spec §2.1–§2.4).
 */
import type { FunctionError } from '../functions/function-error.js';
import type { RuntimeResponse } from './runtime-response.js';

/** What the server tells its environment. */
export interface RuntimeApiListener {
  /** The runtime waits at `/next` (the first call ends Init). */
  next(): void;
  initError(error: FunctionError): void;
  response(response: RuntimeResponse): void;
  /** `/error` for the current invocation, or a `/response` refused for its mode header. */
  error(error: FunctionError): void;
}

/** RAPID's runtime state names; they appear in `InvalidStateTransition` messages. */
export type RuntimeState =
  | 'Started'
  | 'Ready'
  | 'Running'
  | 'InvocationResponse'
  | 'RuntimeResponseSentState'
  | 'InitError';
