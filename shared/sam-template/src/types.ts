/**
 * The shapes this package returns: a template and the functions in it, with every value resolved.
 * @module
 */

import type { SamRestApi } from './rest-api-types.js';

/**
 * Options that decide how intrinsic functions resolve. All are optional.
 *
 * @example
 * ```ts
 * const options: TemplateOptions = { parameterOverrides: { Stage: 'prod' }, region: 'eu-west-1' };
 * await loadTemplate('template.yaml', options);
 * ```
 */
export interface TemplateOptions {
  /** Parameter values that win over `Default`s, like `sam deploy --parameter-overrides`. Names the template does not declare are ignored, so one map can serve several templates. */
  readonly parameterOverrides?: Readonly<Record<string, string>>;
  /** Value of `AWS::Region`. Default `us-east-1`. */
  readonly region?: string;
  /** Value of `AWS::AccountId`. Default `123456789012`. */
  readonly accountId?: string;
  /** Value of `AWS::StackName`. Default: the name of the folder that holds the template. */
  readonly stackName?: string;
  /**
   * Check that each function's code exists: its `CodeUri` folder, and the handler file of a
   * Node.js function (or, for `Metadata: BuildMethod`, its entry points); a missing one throws a
   * `TemplateError`. Default: `true` in `loadTemplates` (for tools that serve the functions),
   * `false` elsewhere (a bundler reads the template before the code exists).
   */
  readonly checkCode?: boolean;
}

/**
 * Options of `parseTemplate`: the template's path plus {@link TemplateOptions}.
 *
 * @example
 * ```ts
 * parseTemplate(text, { path: 'patterns/ttfb-write/template.yaml', stackName: 'ttfb-write' });
 * ```
 */
export interface ParseTemplateOptions extends TemplateOptions {
  /** Path of the template file; `CodeUri` resolves against its folder. */
  readonly path: string;
}

/**
 * Lambda instruction set architecture.
 *
 * @example
 * ```ts
 * const [architecture]: readonly Architecture[] = fn.architectures; // 'arm64'
 * ```
 */
export type Architecture = 'x86_64' | 'arm64';

/**
 * CORS settings of a function URL (`AWS::Lambda::Url` `Cors`), with Lambda's defaults filled in.
 *
 * @example
 * ```ts
 * fn.functionUrl?.cors?.allowOrigins; // ['*']
 * ```
 */
export interface SamCors {
  readonly allowCredentials: boolean;
  readonly allowHeaders: readonly string[];
  readonly allowMethods: readonly string[];
  readonly allowOrigins: readonly string[];
  readonly exposeHeaders: readonly string[];
  /** Seconds; `0` when the template does not set it. */
  readonly maxAge: number;
}

/**
 * A function's `FunctionUrlConfig`.
 *
 * @example
 * ```ts
 * const streams = fn.functionUrl?.invokeMode === 'RESPONSE_STREAM';
 * ```
 */
export interface SamFunctionUrl {
  readonly authType: 'AWS_IAM' | 'NONE';
  /** `BUFFERED` when the template does not set `InvokeMode`, as in Lambda. */
  readonly invokeMode: 'BUFFERED' | 'RESPONSE_STREAM';
  readonly cors?: SamCors;
}

/**
 * One `AWS::Serverless::Function`, after `Globals.Function` is merged and intrinsics resolve.
 *
 * @example
 * ```ts
 * const fn: SamFunction = template.functions[0];
 * // { logicalId: 'StreamingFunction', handler: 'handler.handler', codeUri: '/repo/patterns/ttfb-write/dist/handler',
 * //   runtime: 'nodejs24.x', architectures: ['arm64'], timeout: 30, memorySize: 256, environment: {},
 * //   functionUrl: { authType: 'AWS_IAM', invokeMode: 'RESPONSE_STREAM' }, templatePath: '...' }
 * ```
 */
export interface SamFunction {
  readonly logicalId: string;
  /** Absolute path of the template that defines the function. */
  readonly templatePath: string;
  /** `Handler`, e.g. `handler.handler` (file `handler`, export `handler`). */
  readonly handler: string;
  /** Absolute path of the `CodeUri` folder. */
  readonly codeUri: string;
  readonly runtime: string;
  readonly architectures: readonly Architecture[];
  /** Seconds; SAM's default is 3. */
  readonly timeout: number;
  /** MB; SAM's default is 128. */
  readonly memorySize: number;
  /** `Environment.Variables`; values that cannot resolve locally hold a `<!GetAtt ...>` placeholder. */
  readonly environment: Readonly<Record<string, string>>;
  readonly functionUrl?: SamFunctionUrl;
  readonly description?: string;
  /** Asynchronous invocation settings: SAM's `EventInvokeConfig` or an `AWS::Lambda::EventInvokeConfig`. */
  readonly eventInvokeConfig?: SamEventInvokeConfig;
}

/**
 * How Lambda treats the function's `Event` invocations; absent members take Lambda's defaults
 * (21600 s, 2 retries).
 *
 * @example
 * ```ts
 * const config: SamEventInvokeConfig = { maximumEventAgeInSeconds: 60, maximumRetryAttempts: 0 };
 * ```
 */
export interface SamEventInvokeConfig {
  /** 60 to 21600 seconds. */
  readonly maximumEventAgeInSeconds?: number;
  /** 0 to 2 retries after function errors. */
  readonly maximumRetryAttempts?: number;
  /** `DestinationConfig.OnFailure.Destination`, as written (an unresolved intrinsic in short form). */
  readonly onFailure?: string;
}

/**
 * A loaded SAM template.
 *
 * @example
 * ```ts
 * const template: SamTemplate = await loadTemplate('patterns/ttfb-write/template.yaml');
 * for (const warning of template.warnings) console.warn(warning);
 * ```
 */
export interface SamTemplate {
  /** Absolute path of the template file. */
  readonly path: string;
  /** Absolute path of the folder that holds it. */
  readonly dir: string;
  readonly description?: string;
  /** Every declared parameter with its value: the override if given, else the `Default`. */
  readonly parameters: Readonly<Record<string, string>>;
  /** The `AWS::Serverless::Function` resources in template order (false `Condition`s left out). */
  readonly functions: readonly SamFunction[];
  /** The REST APIs SAM deploys: each `AWS::Serverless::Api`, then the implicit one, if any. */
  readonly restApis: readonly SamRestApi[];
  /** The `Outputs` section as written, intrinsics not resolved. */
  readonly outputs: Readonly<Record<string, unknown>>;
  /** Things that load but cannot be emulated exactly, each naming file and property path. */
  readonly warnings: readonly string[];
}
