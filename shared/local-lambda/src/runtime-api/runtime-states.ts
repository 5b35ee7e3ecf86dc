/**
 * RAPID's runtime states (spec §2.1–§2.4): the Runtime API allows each call only in some of them,
 * and names them in its `InvalidStateTransition` messages.
 *
 * Source: aws-lambda-runtime-interface-emulator `internal/lambda/core/runtime_state_names.go`.
 */

/** RAPID's runtime state names; they appear in `InvalidStateTransition` messages. */
export type RuntimeState =
  | 'Started'
  | 'Ready'
  | 'Running'
  | 'InvocationResponse'
  | 'RuntimeResponseSentState'
  | 'InitError';
