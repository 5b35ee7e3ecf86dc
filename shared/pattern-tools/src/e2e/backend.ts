import type { AwsCredentials } from '@lambda-streaming/streaming/client';
import type { E2eTargetKind } from './settings.js';

/** A function of the pattern under test, as the target serves it. */
export interface E2eFunction {
  /** Logical ID in the pattern's template.yaml. */
  logicalId: string;
  /** Name to invoke it by: the logical ID locally, the generated name on AWS. */
  name: string;
  /** Its function URL, if it has one. */
  url: string | undefined;
}

/** A REST API of the pattern under test, as the target serves it. */
export interface E2eRestApi {
  /** Logical ID of its `AWS::Serverless::Api` (`ServerlessRestApi` for the implicit one). */
  logicalId: string;
  /** The invoke URL of its first stage, without a trailing slash (`…/prod`). */
  url: string;
}

/** What a target needs to provide: where the functions are and how to sign for them. */
export interface E2eBackend {
  kind: E2eTargetKind;
  region: string;
  credentials: AwsCredentials;
  /** Lambda API endpoint; `undefined` for AWS's regional endpoint. */
  endpoint: string | undefined;
  /** The stack the functions come from (aws). */
  stack: string | undefined;
  /** Finds a function by logical ID. */
  lookup(logicalId: string): E2eFunction;
  /** Finds a REST API by logical ID. */
  lookupRestApi(logicalId: string): E2eRestApi;
  close(): Promise<void>;
}

/**
 * An error for a logical ID the target does not know, naming those it does.
 *
 * @param logicalId - What was asked for.
 * @param where - The template or stack looked in.
 * @param known - What exists there.
 * @param kind - What was looked for (`function`, `REST API`).
 * @returns The error to throw.
 * @example
 * ```ts
 * throw unknownFunction('NoSuchFunction', 'patterns/ttfb-write/template.yaml', ['TtfbWriteFunction']);
 * ```
 */
export function unknownFunction(
  logicalId: string,
  where: string,
  known: string[],
  kind = 'function',
): Error {
  return new Error(`${where} has no ${kind} ${logicalId} (it has: ${known.join(', ') || 'none'}).`);
}
