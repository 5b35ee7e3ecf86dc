import { type AuthFailure, incompleteSignature } from './auth-failure.js';

/** The parts of a SigV4 `Authorization` header. */
export interface ParsedAuthorization {
  accessKeyId: string;
  /** `yyyymmdd` of the credential scope. */
  scopeDate: string;
  region: string;
  service: string;
  /** Lowercased names, in the order given. */
  signedHeaders: string[];
  /** Lowercase hex. */
  signature: string;
}

const ALGORITHM = 'AWS4-HMAC-SHA256';
const REQUIRED = ['Credential', 'Signature', 'SignedHeaders'] as const;

/**
 * Parses `AWS4-HMAC-SHA256 Credential=AK/20261130/us-east-1/lambda/aws4_request,
 * SignedHeaders=host;x-amz-date, Signature=…` as both the SDK and curl send it (spec §6.1, §6.2).
 *
 * @param header - The `Authorization` header value.
 * @returns The parts, or the `IncompleteSignatureException` AWS would answer with.
 * @example
 * ```ts
 * const parsed = parseAuthorization(req.headers.authorization ?? '');
 * if ('errorType' in parsed) return reject(parsed);
 * ```
 */
export function parseAuthorization(header: string): ParsedAuthorization | AuthFailure {
  const trimmed = header.trim();
  const space = trimmed.indexOf(' ');
  const algorithm = space === -1 ? trimmed : trimmed.slice(0, space);
  if (algorithm !== ALGORITHM) {
    return incompleteSignature(
      `Unsupported authorization algorithm '${algorithm}': only ${ALGORITHM} is accepted. Authorization=${header}`,
    );
  }
  const fields = readFields(trimmed.slice(space + 1));
  const missing = REQUIRED.filter((name) => !fields.get(name));
  if (missing.length > 0) {
    const list = missing.map((name) => `Authorization header requires '${name}' parameter.`);
    return incompleteSignature(`${list.join(' ')} Authorization=${header}`);
  }
  return parseCredential(fields.get('Credential') ?? '', fields);
}

function readFields(text: string): Map<string, string> {
  const fields = new Map<string, string>();
  for (const part of text.split(',')) {
    const equals = part.indexOf('=');
    if (equals === -1) continue;
    fields.set(part.slice(0, equals).trim(), part.slice(equals + 1).trim());
  }
  return fields;
}

function parseCredential(
  credential: string,
  fields: Map<string, string>,
): ParsedAuthorization | AuthFailure {
  const parts = credential.split('/');
  const [accessKeyId, scopeDate, region, service, terminator] = parts;
  if (parts.length !== 5 || !accessKeyId || !scopeDate || !region || !service || !terminator) {
    return incompleteSignature(
      `Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got '${credential}'`,
    );
  }
  if (terminator !== 'aws4_request') {
    return incompleteSignature(
      `Credential should be scoped with a valid terminator: 'aws4_request', not '${terminator}'.`,
    );
  }
  return {
    accessKeyId,
    scopeDate,
    region,
    service,
    signedHeaders: (fields.get('SignedHeaders') ?? '').toLowerCase().split(';').filter(Boolean),
    signature: (fields.get('Signature') ?? '').toLowerCase(),
  };
}
