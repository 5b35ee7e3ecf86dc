import { type At, child, readBoolean, readOptionalMap, readString } from './read.js';
import type { SamRestAuth } from './rest-api-types.js';
import { isMap, type TemplateMap } from './values.js';

/** SAM's default `InvokeRole` for IAM methods (`arn:aws:iam::*:user/*`, the caller's identity). */
const CALLER_CREDENTIALS = 'CALLER_CREDENTIALS';

function authorizerKind(name: string, apiAuth: TemplateMap): string {
  const definition = isMap(apiAuth.Authorizers) ? apiAuth.Authorizers[name] : undefined;
  if (isMap(definition) && definition.UserPoolArn !== undefined) return 'Cognito authorizer';
  if (isMap(definition) && definition.FunctionArn !== undefined) return 'Lambda authorizer';
  return 'authorizer';
}

/**
 * The authorization of one `Api` event's method, as the SAM translator decides it
 * (`swagger.py` `add_auth_to_method`, `_set_method_authorizer`): the method's `Auth.Authorizer`,
 * else the API's `Auth.DefaultAuthorizer`, else none; `InvokeRole` from the method, else the
 * API, else `CALLER_CREDENTIALS`. An authorizer other than `AWS_IAM`/`NONE`, or
 * `ApiKeyRequired`, is `UNSUPPORTED`.
 *
 * @param methodAuth - The event's resolved `Auth`, or undefined.
 * @param apiAuth - The API's resolved `Auth` (Globals merged), or undefined.
 * @param at - Where the event's `Auth` sits.
 * @returns The route's auth.
 * @example
 * ```ts
 * readEventAuth(undefined, { DefaultAuthorizer: 'AWS_IAM' }, at);
 * // { type: 'AWS_IAM', invokeRole: 'CALLER_CREDENTIALS' }
 * readEventAuth({ Authorizer: 'NONE' }, { DefaultAuthorizer: 'AWS_IAM' }, at); // { type: 'NONE' }
 * ```
 */
export function readEventAuth(methodAuth: unknown, apiAuth: unknown, at: At): SamRestAuth {
  const method = readOptionalMap(methodAuth, at) ?? {};
  const api = isMap(apiAuth) ? apiAuth : {};
  const named = method.Authorizer ?? api.DefaultAuthorizer;
  const authorizer = named === undefined ? 'NONE' : readString(named, child(at, 'Authorizer'));
  const apiKey =
    readBoolean(method.ApiKeyRequired, false, child(at, 'ApiKeyRequired')) ||
    (method.ApiKeyRequired === undefined && api.ApiKeyRequired === true);
  if (apiKey) return { type: 'UNSUPPORTED', reason: 'API keys (ApiKeyRequired)' };
  if (authorizer === 'NONE') return { type: 'NONE' };
  if (authorizer === 'AWS_IAM') {
    const role = method.InvokeRole ?? api.InvokeRole ?? CALLER_CREDENTIALS;
    return { type: 'AWS_IAM', invokeRole: readString(role, child(at, 'InvokeRole')) };
  }
  return {
    type: 'UNSUPPORTED',
    reason: `${authorizerKind(authorizer, api)} ${authorizer}`,
  };
}

/**
 * The authorization of one OpenAPI method in a `DefinitionBody`: its `security` (else the
 * document's): `NONE` or none → open; a scheme with `x-amazon-apigateway-authtype: awsSigv4`
 * (SAM names it `AWS_IAM`) → IAM; anything else `UNSUPPORTED`.
 *
 * @param security - The method's or the document's `security` list.
 * @param schemes - `securityDefinitions` (Swagger 2) or `components.securitySchemes` (OpenAPI 3).
 * @returns The route's auth.
 * @example
 * ```ts
 * readBodyAuth([{ AWS_IAM: [] }], {}); // { type: 'AWS_IAM', invokeRole: 'CALLER_CREDENTIALS' }
 * ```
 */
export function readBodyAuth(security: unknown, schemes: TemplateMap): SamRestAuth {
  const names = Array.isArray(security)
    ? security.flatMap((item) => (isMap(item) ? Object.keys(item) : []))
    : [];
  const [name] = names;
  if (name === undefined || name === 'NONE') return { type: 'NONE' };
  const scheme = schemes[name];
  const sigv4 = isMap(scheme) && scheme['x-amazon-apigateway-authtype'] === 'awsSigv4';
  if (name === 'AWS_IAM' || sigv4) return { type: 'AWS_IAM', invokeRole: CALLER_CREDENTIALS };
  return { type: 'UNSUPPORTED', reason: `security scheme ${name}` };
}
