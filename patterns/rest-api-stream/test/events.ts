import { sampleEvent } from '@lambda-streaming/testing';
import type { APIGatewayProxyEvent } from 'aws-lambda';

/** What API Gateway sends for a signed `curl` of GET /report/stream (payload format 1.0). */
export const signedGet = await sampleEvent<APIGatewayProxyEvent>(
  new URL('../events/rest-api-get.json', import.meta.url),
);

/** The caller's ARN in {@link signedGet}. */
export const CALLER_ARN = 'arn:aws:iam::123456789012:user/workshop';

/**
 * The sample event with a query string, as API Gateway fills both maps.
 *
 * @param query - Single values by name.
 * @returns A copy of {@link signedGet}.
 * @example
 * ```ts
 * withQuery({ sections: '2' });
 * ```
 */
export function withQuery(query: Record<string, string>): APIGatewayProxyEvent {
  const multi = Object.fromEntries(Object.entries(query).map(([key, value]) => [key, [value]]));
  return {
    ...signedGet,
    queryStringParameters: query,
    multiValueQueryStringParameters: multi,
  };
}
