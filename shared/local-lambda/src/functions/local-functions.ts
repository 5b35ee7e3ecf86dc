import { type SamFunction, type SamTemplate, TemplateError } from '@lambda-streaming/sam-template';
import type { LocalFunction } from './local-function.js';

/**
 * Turns the templates' functions into the functions the emulator serves, named by logical ID,
 * in template order, without URLs yet (their ports are bound later).
 *
 * @param templates - Loaded templates.
 * @param region - Region of the ARNs.
 * @param accountId - Account of the ARNs.
 * @returns The functions.
 * @throws TemplateError naming file and property for a runtime that is not Node.js.
 * @example
 * ```ts
 * const functions = localFunctions(await loadTemplates(paths), 'us-east-1', '123456789012');
 * ```
 */
export function localFunctions(
  templates: readonly SamTemplate[],
  region: string,
  accountId: string,
): LocalFunction[] {
  return templates.flatMap((template) =>
    template.functions.map((definition) => {
      assertNodeRuntime(definition);
      return {
        name: definition.logicalId,
        arn: `arn:aws:lambda:${region}:${accountId}:function:${definition.logicalId}`,
        definition,
      };
    }),
  );
}

function assertNodeRuntime(definition: SamFunction): void {
  if (/^nodejs\d+\.x$/.test(definition.runtime)) return;
  throw new TemplateError(
    definition.templatePath,
    `Resources.${definition.logicalId}.Properties.Runtime`,
    `runtime "${definition.runtime}" cannot run here: local-lambda runs Node.js functions (nodejs20.x, nodejs22.x, …)`,
  );
}
