/**
 * What a runtime posts as an error (`/error`, `/init/error`, the error trailers of a streamed
 * response), turned into the FunctionError Lambda reports, and the error RAPID makes of a
 * response in a mode it does not know (spec §2.3, §2.4).
 */
import { errorPayload, type FunctionError } from '../functions/function-error.js';

/** A `/response` with a `Lambda-Runtime-Function-Response-Mode` other than `streaming`. */
export function invalidResponseModeError(): FunctionError {
  const errorMessage = 'Invalid function response mode';
  return {
    errorType: 'Runtime.InvalidResponseModeHeader',
    errorMessage,
    payload: errorPayload(
      ['errorType', 'Runtime.InvalidResponseModeHeader'],
      ['errorMessage', errorMessage],
    ),
  };
}

function parseErrorDocument(body: Buffer): Record<string, unknown> | undefined {
  try {
    const parsed: unknown = JSON.parse(body.toString('utf8'));
    return parsed !== null && typeof parsed === 'object'
      ? (parsed as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * An error a runtime posted (`/error`, `/init/error`) or sent as trailers. The payload is the
 * runtime's JSON unchanged (Node: `{errorType, errorMessage, trace}`); the type comes from the
 * document, else from the `Lambda-Runtime-Function-Error-Type` header or trailer.
 *
 * @param body - The error document's bytes (already base64-decoded for trailers).
 * @param typeHint - The header or trailer value, when present.
 * @param preferHint - Trailers name the error themselves: their type wins over the document's.
 * @returns The FunctionError to report.
 */
export function runtimeReportedError(
  body: Buffer,
  typeHint: string | undefined,
  preferHint = false,
): FunctionError {
  const document = parseErrorDocument(body);
  const documentType = typeof document?.errorType === 'string' ? document.errorType : undefined;
  const errorType =
    (preferHint ? (typeHint ?? documentType) : (documentType ?? typeHint)) || 'Runtime.Unknown';
  const errorMessage = typeof document?.errorMessage === 'string' ? document.errorMessage : '';
  const payload =
    body.length > 0 ? body : errorPayload(['errorType', errorType], ['errorMessage', errorMessage]);
  return { errorType, errorMessage, payload };
}
