/**
 * The shapes of API Gateway REST APIs as SAM deploys them: every `AWS::Serverless::Api` and the
 * implicit `ServerlessRestApi`, with the stages and the Lambda proxy routes the translator emits.
 * @module
 */

/**
 * Who may call a route. `AWS_IAM` carries SAM's `InvokeRole` (`CALLER_CREDENTIALS`, `NONE` or a
 * role ARN); `UNSUPPORTED` names an authorizer (Cognito, Lambda) or API keys, which local
 * emulators do not check: such a route is refused rather than left open.
 *
 * @example
 * ```ts
 * const auth: SamRestAuth = { type: 'AWS_IAM', invokeRole: 'CALLER_CREDENTIALS' };
 * ```
 */
export type SamRestAuth =
  | { readonly type: 'NONE' }
  | { readonly type: 'AWS_IAM'; readonly invokeRole: string }
  | { readonly type: 'UNSUPPORTED'; readonly reason: string };

/**
 * One method on one resource, integrated with a function as a Lambda proxy (`AWS_PROXY`).
 *
 * @example
 * ```ts
 * const route: SamRestRoute = {
 *   path: '/report/{id}', method: 'GET', functionName: 'ReportFn', transferMode: 'STREAM',
 *   timeoutInMillis: 300000, auth: { type: 'NONE' },
 * };
 * ```
 */
export interface SamRestRoute {
  /** The resource path template, e.g. `/report/{id}` or `/{proxy+}`. */
  readonly path: string;
  /** Upper-case method, or `ANY` (`x-amazon-apigateway-any-method`). */
  readonly method: string;
  /** Logical ID of the integrated function. */
  readonly functionName: string;
  /** `STREAM` only for SAM's `ResponseTransferMode: RESPONSE_STREAM` (or the body's `STREAM`). */
  readonly transferMode: 'BUFFERED' | 'STREAM';
  /** The integration timeout; API Gateway's default is 29000. */
  readonly timeoutInMillis: number;
  readonly auth: SamRestAuth;
}

/**
 * A REST API: its stages, binary media types and routes.
 *
 * @example
 * ```ts
 * const [api] = template.restApis;
 * // { logicalId: 'ReportApi', implicit: false, stages: ['prod', 'Stage'], binaryMediaTypes: [],
 * //   routes: [...], templatePath: '/repo/patterns/rest-api-stream/template.yaml' }
 * ```
 */
export interface SamRestApi {
  /** The resource's logical ID; `ServerlessRestApi` for the implicit API. */
  readonly logicalId: string;
  /** Absolute path of the template that defines it. */
  readonly templatePath: string;
  /** `true` for the API SAM creates from `Api` events without `RestApiId`. */
  readonly implicit: boolean;
  /** `StageName` first; SAM's extra `Stage` stage follows unless `OpenApiVersion` is set. */
  readonly stages: readonly string[];
  /** Content types treated as binary, `~1` decoded to `/` as in the OpenAPI SAM emits. */
  readonly binaryMediaTypes: readonly string[];
  readonly routes: readonly SamRestRoute[];
}
