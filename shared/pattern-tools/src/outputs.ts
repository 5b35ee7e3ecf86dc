import { loadTemplate, type TemplateOptions } from '@lambda-streaming/sam-template';

/** `Fn::GetAtt` as loaded: `['Fn', 'Attr']`, or the `'Fn.Attr'` string of the long form. */
function getAtt(value: unknown): string | undefined {
  const target = (value as { 'Fn::GetAtt'?: unknown } | undefined)?.['Fn::GetAtt'];
  if (Array.isArray(target)) return target.join('.');
  return typeof target === 'string' ? target : undefined;
}

function outputValue(outputs: Readonly<Record<string, unknown>>, key: string): unknown {
  return (outputs[key] as { Value?: unknown } | undefined)?.Value;
}

/**
 * Checks that a pattern's template outputs what clients and the end-to-end runner read from a
 * deployed stack: `<LogicalId>Name` (`!Ref <LogicalId>`) for every function, and
 * `<LogicalId>Url` (`!GetAtt <LogicalId>Url.FunctionUrl`) for every function with a URL.
 *
 * @param templatePath - Path of the template.
 * @param options - Passed to `loadTemplate`.
 * @returns What is missing or wrong, one sentence each; empty when all outputs are there.
 * @throws `TemplateError` when the template cannot be loaded.
 * @example
 * ```ts
 * // patterns/<slug>/test/template.test.ts
 * expect(await checkTemplateOutputs('template.yaml')).toEqual([]);
 * ```
 */
export async function checkTemplateOutputs(
  templatePath: string,
  options: TemplateOptions = {},
): Promise<string[]> {
  const { functions, outputs } = await loadTemplate(templatePath, options);
  const problems: string[] = [];
  for (const { logicalId, functionUrl } of functions) {
    const ref = (outputValue(outputs, `${logicalId}Name`) as { Ref?: unknown } | undefined)?.Ref;
    if (ref !== logicalId) {
      problems.push(`Outputs.${logicalId}Name must be the function's name: !Ref ${logicalId}`);
    }
    const url = getAtt(outputValue(outputs, `${logicalId}Url`));
    if (functionUrl !== undefined && url !== `${logicalId}Url.FunctionUrl`) {
      problems.push(
        `Outputs.${logicalId}Url must be the function URL: !GetAtt ${logicalId}Url.FunctionUrl`,
      );
    }
  }
  return problems;
}
