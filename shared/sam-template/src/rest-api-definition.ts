import { displayPath, TemplateError } from './errors.js';
import type { At } from './read.js';
import { readBodyAuth } from './rest-api-auth.js';
import { DEFAULT_TIMEOUT_MILLIS } from './rest-api-events.js';
import type { SamRestRoute } from './rest-api-types.js';
import { isMap, type TemplateMap } from './values.js';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch'];
const ANY_METHOD = 'x-amazon-apigateway-any-method';
/** `.../functions/${Fn.Arn}/invocations` (buffered) or `/response-streaming-invocations`. */
const LAMBDA_URI =
  /functions\/\$\{([A-Za-z0-9]+)\.Arn\}\/(response-streaming-invocations|invocations)/;

function uriText(uri: unknown): string | undefined {
  if (typeof uri === 'string') return uri;
  const sub = isMap(uri) ? uri['Fn::Sub'] : undefined;
  if (typeof sub === 'string') return sub;
  return Array.isArray(sub) && typeof sub[0] === 'string' ? sub[0] : undefined;
}

function securitySchemes(body: TemplateMap): TemplateMap {
  if (isMap(body.securityDefinitions)) return body.securityDefinitions;
  const components = isMap(body.components) ? body.components : {};
  return isMap(components.securitySchemes) ? components.securitySchemes : {};
}

interface BodyMethod {
  path: string;
  method: string;
  operation: TemplateMap;
  at: At;
}

function readRoute(
  body: TemplateMap,
  entry: BodyMethod,
  warnings: string[],
): SamRestRoute | undefined {
  const { at, operation } = entry;
  const integration = operation['x-amazon-apigateway-integration'];
  const shown = `${displayPath(at.file)}: ${at.path}`;
  const text = isMap(integration) ? uriText(integration.uri) : undefined;
  const match = text === undefined ? null : LAMBDA_URI.exec(text);
  if (!isMap(integration) || integration.type !== 'aws_proxy' || !match) {
    warnings.push(
      `${shown}: not a Lambda proxy integration with a \${Function.Arn} URI; not served`,
    );
    return undefined;
  }
  const streamingUri = match[2] === 'response-streaming-invocations';
  const stream = integration.responseTransferMode === 'STREAM';
  if (stream !== streamingUri) {
    const detail = `responseTransferMode ${stream ? 'STREAM' : 'BUFFERED'} needs the ${stream ? '2021-11-15 .../response-streaming-invocations' : '2015-03-31 .../invocations'} URI; API Gateway would not stream as expected`;
    throw new TemplateError(at.file, `${at.path}.x-amazon-apigateway-integration`, detail);
  }
  const timeout = integration.timeoutInMillis;
  return {
    path: entry.path,
    method: entry.method,
    functionName: match[1] as string,
    transferMode: stream ? 'STREAM' : 'BUFFERED',
    timeoutInMillis: typeof timeout === 'number' ? timeout : DEFAULT_TIMEOUT_MILLIS,
    auth: readBodyAuth(operation.security ?? body.security, securitySchemes(body)),
  };
}

/**
 * The Lambda proxy routes of an API's inline `DefinitionBody` (Swagger 2 or OpenAPI 3), as
 * API Gateway imports them. Methods whose integration is not `aws_proxy` to a `${Fn.Arn}` of
 * the template are left out with a warning.
 *
 * @param body - The resolved `DefinitionBody`.
 * @param at - Where it sits.
 * @param warnings - Receives what is not served.
 * @returns The routes.
 * @throws TemplateError when `responseTransferMode` and the integration URI disagree.
 * @example
 * ```ts
 * readDefinitionRoutes({ paths: { '/ask': { post: { 'x-amazon-apigateway-integration': {
 *   type: 'aws_proxy', responseTransferMode: 'STREAM',
 *   uri: { 'Fn::Sub': 'arn:...:path/2021-11-15/functions/${AskFn.Arn}/response-streaming-invocations' },
 * } } } } }, at, warnings); // [{ path: '/ask', method: 'POST', functionName: 'AskFn', transferMode: 'STREAM', ... }]
 * ```
 */
export function readDefinitionRoutes(
  body: TemplateMap,
  at: At,
  warnings: string[],
): SamRestRoute[] {
  const paths = isMap(body.paths) ? body.paths : {};
  const routes: SamRestRoute[] = [];
  for (const [path, item] of Object.entries(paths)) {
    if (!isMap(item)) continue;
    for (const [key, operation] of Object.entries(item)) {
      const method = key === ANY_METHOD ? 'ANY' : METHODS.includes(key) ? key.toUpperCase() : '';
      if (method === '' || !isMap(operation)) continue;
      const entryAt = { file: at.file, path: `${at.path}.paths.${path}.${key}` };
      const route = readRoute(body, { path, method, operation, at: entryAt }, warnings);
      if (route) routes.push(route);
    }
  }
  return routes;
}
