import type { LocalFunction } from '../../functions/local-function.js';
import type { InvocationService } from '../../invocations/contracts.js';
import { invalidParameterValue, resourceNotFound } from './api-error.js';
import { checkFunctionNameLimits } from './function-name-limits.js';

/** The function a request names, and how it named it. */
export interface ResolvedFunction {
  fn: LocalFunction;
  /** The qualifier given in the name or in `?Qualifier=`; only `$LATEST` exists locally. */
  qualifier?: string;
  /** The ARN as invoked: with the qualifier when one was given (spec §2.2). */
  invokedArn: string;
}

/** What resolving a name needs to know about the emulator. */
export interface FunctionScope {
  service: Pick<InvocationService, 'getFunction'>;
  region: string;
  accountId: string;
}

interface NameParts {
  name: string;
  qualifier?: string;
  region?: string;
  accountId?: string;
}

/**
 * Resolves the `{FunctionName}` path label of the Lambda API: a name, a full ARN
 * (`arn:aws:lambda:us-east-1:123456789012:function:name`) or a partial one
 * (`123456789012:function:name`), each optionally ending in `:qualifier`, combined with the
 * `Qualifier` query parameter (spec §9 item 11).
 *
 * @param label - The path label, already percent-decoded.
 * @param queryQualifier - The `Qualifier` query parameter, if any.
 * @param scope - Functions, region and account of the emulator.
 * @returns The function and the ARN as invoked.
 * @throws ApiError 404 `ResourceNotFoundException` for an unknown function or version, 400
 *   `InvalidParameterValueException` for two different qualifiers, 400 `ValidationException`
 *   for a name beyond the documented limits.
 * @example
 * ```ts
 * resolveFunction('arn:aws:lambda:us-east-1:123456789012:function:Fn:$LATEST', null, scope);
 * ```
 */
export function resolveFunction(
  label: string,
  queryQualifier: string | null,
  scope: FunctionScope,
): ResolvedFunction {
  const parts = splitName(label);
  checkFunctionNameLimits(label, parts.name);
  const qualifier = combineQualifiers(parts.qualifier, queryQualifier);
  const region = parts.region ?? scope.region;
  const accountId = parts.accountId ?? scope.accountId;
  const baseArn = `arn:aws:lambda:${region}:${accountId}:function:${parts.name}`;
  const fn = scope.service.getFunction(parts.name);
  if (!fn || region !== scope.region || accountId !== scope.accountId) {
    throw resourceNotFound(`Function not found: ${baseArn}`);
  }
  if (qualifier === undefined) return { fn, invokedArn: fn.arn };
  // Only $LATEST exists locally: no published versions, no aliases.
  if (qualifier !== '$LATEST')
    throw resourceNotFound(`Function not found: ${baseArn}:${qualifier}`);
  return { fn, qualifier, invokedArn: `${fn.arn}:${qualifier}` };
}

function combineQualifiers(
  fromName: string | undefined,
  fromQuery: string | null,
): string | undefined {
  if (fromQuery !== null && fromName !== undefined && fromName !== fromQuery) {
    throw invalidParameterValue(
      'The derived qualifier from the function name does not match the specified qualifier.',
    );
  }
  return fromName ?? fromQuery ?? undefined;
}

function splitName(label: string): NameParts {
  const parts = label.split(':');
  if (parts[0] === 'arn' && parts.length >= 7 && parts[2] === 'lambda' && parts[5] === 'function') {
    return withQualifier(parts[6] ?? '', parts[7], { region: parts[3], accountId: parts[4] });
  }
  if (/^\d{12}$/.test(parts[0] ?? '') && parts[1] === 'function' && parts.length >= 3) {
    return withQualifier(parts[2] ?? '', parts[3], { accountId: parts[0] });
  }
  return withQualifier(parts[0] ?? '', parts[1], {});
}

function withQualifier(
  name: string,
  qualifier: string | undefined,
  where: { region?: string | undefined; accountId?: string | undefined },
): NameParts {
  const parts: NameParts = { name };
  if (qualifier !== undefined) parts.qualifier = qualifier;
  if (where.region !== undefined) parts.region = where.region;
  if (where.accountId !== undefined) parts.accountId = where.accountId;
  return parts;
}
