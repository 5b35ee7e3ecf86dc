import { resolve } from 'node:path';
import { TemplateError } from './errors.js';
import type { FunctionScope } from './function-scope.js';
import { readChoice, readString } from './read.js';
import { intrinsicName, isMap } from './values.js';

const USE_CODE_URI = 'use a .zip function whose CodeUri is a local folder (dist/<bundle>/)';

function rejectImages(scope: FunctionScope): void {
  const packageType = scope.read('PackageType');
  const at = scope.at(packageType === undefined ? 'ImageUri' : 'PackageType');
  const type = packageType === undefined ? 'Zip' : readChoice(packageType, ['Zip', 'Image'], at);
  if (type === 'Image' || scope.merged.ImageUri !== undefined) {
    throw new TemplateError(
      at.file,
      at.path,
      `container image functions are not supported; ${USE_CODE_URI}`,
    );
  }
}

function rejectInlineCode(scope: FunctionScope): void {
  if (scope.merged.InlineCode === undefined) return;
  const at = scope.at('InlineCode');
  throw new TemplateError(at.file, at.path, `inline code is not supported; ${USE_CODE_URI}`);
}

function rejectS3(codeUri: unknown, scope: FunctionScope): void {
  const isObject = isMap(codeUri) && intrinsicName(codeUri) === undefined;
  if (!isObject && !(typeof codeUri === 'string' && codeUri.startsWith('s3://'))) return;
  const at = scope.at('CodeUri');
  throw new TemplateError(at.file, at.path, `an S3 object cannot run locally; ${USE_CODE_URI}`);
}

/**
 * Reads where a function's code lives, rejecting what cannot run locally: `PackageType: Image`,
 * `ImageUri`, `InlineCode` and S3 `CodeUri`s (`s3://...` or `{ Bucket, Key }`).
 *
 * @param scope - The function being read.
 * @param dir - The template's folder, which a relative `CodeUri` resolves against.
 * @returns The absolute path of the `CodeUri` folder.
 * @example
 * ```ts
 * readCodeUri(scope, '/repo/patterns/ttfb-write'); // '/repo/patterns/ttfb-write/dist/handler'
 * ```
 */
export function readCodeUri(scope: FunctionScope, dir: string): string {
  rejectImages(scope);
  rejectInlineCode(scope);
  const codeUri = scope.read('CodeUri');
  rejectS3(codeUri, scope);
  return resolve(dir, readString(codeUri, scope.at('CodeUri')));
}
