import { join } from 'node:path';
import { type LocalLambda, startLocalLambda } from '@lambda-streaming/local-lambda';
import { type E2eBackend, type E2eRestApi, unknownFunction } from './backend.js';

/**
 * Serves the pattern's template.yaml with local-lambda on free ports, as `npm start` would
 * (real runtime processes, SigV4, bandwidth limit on), with the function logs kept quiet.
 *
 * @param patternDir - The pattern's folder, holding template.yaml and the built dist/.
 * @returns The local target's backend.
 * @example
 * ```ts
 * const backend = await startLocalBackend('/repo/patterns/ttfb-write');
 * ```
 */
export async function startLocalBackend(patternDir: string): Promise<E2eBackend> {
  const template = join(patternDir, 'template.yaml');
  const lambda = await startLocalLambda({
    templates: [template],
    port: 0,
    restApiPortBase: 0,
    logger: () => {},
  });
  return {
    kind: 'local',
    region: lambda.region,
    credentials: lambda.credentials,
    endpoint: lambda.endpoint,
    stack: undefined,
    lookup(logicalId) {
      const fn = lambda.functions.find((served) => served.name === logicalId);
      if (!fn) {
        throw unknownFunction(
          logicalId,
          template,
          lambda.functions.map((served) => served.name),
        );
      }
      return { logicalId, name: fn.name, url: fn.url };
    },
    lookupRestApi: (logicalId) => restApiStageUrl(lambda.restApis, logicalId, template),
    close: () => lambda.close(),
  };
}

/** The URL of a served API's first stage (the one its `StageName` names). */
function restApiStageUrl(
  restApis: LocalLambda['restApis'],
  logicalId: string,
  template: string,
): E2eRestApi {
  const url = restApis.find((served) => served.name === logicalId)?.stageUrls[0];
  if (url === undefined) {
    const known = restApis.map((served) => served.name);
    throw unknownFunction(logicalId, template, known, 'REST API');
  }
  return { logicalId, url };
}
