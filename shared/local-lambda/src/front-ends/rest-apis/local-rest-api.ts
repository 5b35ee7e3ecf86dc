/**
 * A REST API as the emulator serves it: the template's definition, its port and its id. Described
 * once at start, when its port is bound, and never changed after.
 */
import { createHash } from 'node:crypto';
import type { SamRestApi } from '@lambda-streaming/sam-template';

/** A served REST API: `http://127.0.0.1:<port>/<stage>/<path>`, as on `execute-api`. */
export interface LocalRestApi {
  /** The template's logical ID (`ServerlessRestApi` for the implicit API). */
  readonly name: string;
  /** A stable 10-character id in the alphabet of real ones (`<id>.execute-api.<region>...`). */
  readonly apiId: string;
  /** e.g. `http://127.0.0.1:3100` (no trailing slash). */
  readonly url: string;
  readonly port: number;
  readonly definition: SamRestApi;
}

/**
 * The id a local API gets: derived from its logical ID and template, so it is the same on every
 * start.
 *
 * @param definition - The API read from the template.
 * @returns 10 lower-case letters and digits.
 * @example
 * ```ts
 * restApiId(api).length; // 10
 * ```
 */
export function restApiId(definition: SamRestApi): string {
  const digest = createHash('sha256').update(`${definition.templatePath}#${definition.logicalId}`);
  return BigInt(`0x${digest.digest('hex').slice(0, 16)}`)
    .toString(36)
    .padStart(10, '0')
    .slice(-10);
}

/**
 * Describes a bound REST API.
 *
 * @param definition - The API read from the template.
 * @param bound - Where it listens.
 * @returns The frozen description.
 * @example
 * ```ts
 * describeRestApi(api, { url: 'http://127.0.0.1:3100', port: 3100 });
 * ```
 */
export function describeRestApi(
  definition: SamRestApi,
  bound: { url: string; port: number },
): LocalRestApi {
  return Object.freeze({
    name: definition.logicalId,
    apiId: restApiId(definition),
    url: bound.url,
    port: bound.port,
    definition,
  });
}
