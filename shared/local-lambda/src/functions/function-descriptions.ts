/**
 * From templates to the functions the emulator serves: the definitions are checked before any
 * port is bound, and described (ARN, URL) once every port is known.
 */
import { type SamFunction, type SamTemplate, TemplateError } from '@lambda-streaming/sam-template';
import type { LocalFunction } from './local-function.js';

/** Where a function's URL was bound. */
export interface BoundUrl {
  /** e.g. `http://127.0.0.1:3001/` */
  url: string;
  port: number;
}

/**
 * The functions of the templates, in template order, each checked to be one this emulator runs.
 *
 * @param templates - Loaded templates.
 * @returns Their function definitions.
 * @throws TemplateError naming file and property for a runtime that is not Node.js.
 * @example
 * ```ts
 * const definitions = servedDefinitions(await loadTemplates(paths));
 * ```
 */
export function servedDefinitions(templates: readonly SamTemplate[]): SamFunction[] {
  return templates.flatMap((template) => template.functions.map(assertNodeRuntime));
}

/**
 * Describes the served functions, named by logical ID, with their ARNs and, for those that have
 * one, their URL (bound before, so its port is known). The descriptions are frozen.
 *
 * @param definitions - From {@link servedDefinitions}.
 * @param urls - Bound URLs by logical ID.
 * @param arn - Where the ARNs point: region and account.
 * @returns The functions, in template order.
 * @example
 * ```ts
 * describeFunctions(definitions, urls, { region: 'us-east-1', accountId: '123456789012' });
 * ```
 */
export function describeFunctions(
  definitions: readonly SamFunction[],
  urls: ReadonlyMap<string, BoundUrl>,
  arn: { region: string; accountId: string },
): readonly LocalFunction[] {
  const functions = definitions.map((definition) => {
    const name = definition.logicalId;
    const bound = urls.get(name);
    const config = definition.functionUrl;
    const fn: LocalFunction = {
      name,
      arn: `arn:aws:lambda:${arn.region}:${arn.accountId}:function:${name}`,
      definition,
      ...(config && bound
        ? {
            url: Object.freeze({
              ...bound,
              authType: config.authType,
              invokeMode: config.invokeMode,
              ...(config.cors ? { cors: config.cors } : {}),
            }),
          }
        : {}),
    };
    return Object.freeze(fn);
  });
  return Object.freeze(functions);
}

function assertNodeRuntime(definition: SamFunction): SamFunction {
  if (/^nodejs\d+\.x$/.test(definition.runtime)) return definition;
  throw new TemplateError(
    definition.templatePath,
    `Resources.${definition.logicalId}.Properties.Runtime`,
    `runtime "${definition.runtime}" cannot run here: local-lambda runs Node.js functions (nodejs22.x, nodejs24.x, …)`,
  );
}
