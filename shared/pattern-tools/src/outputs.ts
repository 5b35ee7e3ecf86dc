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

/** Whether a REST API's `Url` output is `!Sub https://${Api}.execute-api.<region host>/<stage>`. */
function isStageUrl(value: unknown, logicalId: string, stage: string | undefined): boolean {
  const sub = (value as { 'Fn::Sub'?: unknown } | undefined)?.['Fn::Sub'];
  if (typeof sub !== 'string' || stage === undefined) return false;
  return sub.startsWith(`https://\${${logicalId}}.execute-api.`) && sub.endsWith(`/${stage}`);
}

/**
 * Checks that a pattern's template outputs what clients and the end-to-end runner read from a
 * deployed stack: `<LogicalId>Name` (`!Ref <LogicalId>`) for every function,
 * `<LogicalId>Url` (`!GetAtt <LogicalId>Url.FunctionUrl`) for every function with a URL, and
 * `<LogicalId>Url` (the invoke URL of its first stage, a `!Sub` of
 * `https://${<LogicalId>}.execute-api.${AWS::Region}.${AWS::URLSuffix}/<stage>`) for every REST
 * API.
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
  const { functions, restApis, outputs } = await loadTemplate(templatePath, options);
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
  for (const { logicalId, stages } of restApis) {
    if (!isStageUrl(outputValue(outputs, `${logicalId}Url`), logicalId, stages[0])) {
      const url = `https://\${${logicalId}}.execute-api.\${AWS::Region}.\${AWS::URLSuffix}/${stages[0]}`;
      problems.push(`Outputs.${logicalId}Url must be the stage's invoke URL: !Sub ${url}`);
    }
  }
  return problems;
}
