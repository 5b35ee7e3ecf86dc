/**
 * The Invoke API reference's constraints on `FunctionName`, checked before the name is looked
 * up: 1 to 170 characters, its pattern, and at most 64 characters for the name itself ("If you
 * specify only the function name, it is limited to 64 characters in length").
 *
 * @module
 */
import { validationError } from './api-error.js';

const MAX_LENGTH = 170;
const MAX_NAME_LENGTH = 64;
/** The Invoke API reference's `FunctionName` pattern. */
const PATTERN_TEXT =
  '(arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}(-gov)?-[a-z]+-\\d{1}:)?(\\d{12}:)?(function:)?([a-zA-Z0-9-_\\.]+)(:(\\$LATEST|[a-zA-Z0-9-_]+))?';
const PATTERN = new RegExp(`^${PATTERN_TEXT}$`);

/**
 * Refuses a `FunctionName` outside the documented limits with AWS's common `ValidationException`
 * (400) and its "1 validation error detected" text (UNCONFIRMED: Lambda's exact wording).
 *
 * @param label - The decoded `{FunctionName}` label.
 * @param bareName - The function name inside it (without ARN parts or qualifier).
 * @throws ApiError 400 `ValidationException`.
 * @example
 * ```ts
 * checkFunctionNameLimits('x'.repeat(171), 'x'.repeat(171)); // throws
 * ```
 */
export function checkFunctionNameLimits(label: string, bareName: string): void {
  const failed = (constraint: string) =>
    validationError(
      `1 validation error detected: Value '${label}' at 'functionName' failed to satisfy constraint: ${constraint}`,
    );
  if (label.length < 1) throw failed('Member must have length greater than or equal to 1');
  if (label.length > MAX_LENGTH) {
    throw failed(`Member must have length less than or equal to ${MAX_LENGTH}`);
  }
  if (!PATTERN.test(label)) {
    throw failed(`Member must satisfy regular expression pattern: ${PATTERN_TEXT}`);
  }
  if (bareName.length > MAX_NAME_LENGTH) {
    throw failed(`Member must have length less than or equal to ${MAX_NAME_LENGTH}`);
  }
}
