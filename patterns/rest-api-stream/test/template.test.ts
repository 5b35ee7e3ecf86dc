import { fileURLToPath } from 'node:url';
import { checkTemplateBundles, checkTemplateOutputs } from '@lambda-streaming/pattern-tools';
import { loadTemplate } from '@lambda-streaming/sam-template';
import { beforeAll, describe, expect, it } from 'vitest';
import { type CfnResource, samTranslate } from './sam-translate.js';

const template = fileURLToPath(new URL('../template.yaml', import.meta.url));
const FUNCTIONS = ['StreamingReportFunction', 'BufferedReportFunction'];

/** One method's `x-amazon-apigateway-integration` and security in the translated API. */
interface Method {
  'x-amazon-apigateway-integration': Record<string, unknown>;
  security: unknown;
}

describe('rest-api-stream template', () => {
  it('points each function at its built bundle and the right kind of handler', async () => {
    // Act: needs `npm run build` in this folder first (turbo runs build before test).
    const results = await checkTemplateBundles(template);

    // Assert
    expect(results.map((result) => [result.logicalId, result.runtime])).toEqual(
      FUNCTIONS.map((id) => [id, 'nodejs24.x']),
    );
    expect(results[0]?.bundleFile).toMatch(/\/dist\/streaming\/handler\.mjs$/);
    expect(results[1]?.bundleFile).toMatch(/\/dist\/buffered\/buffered\.mjs$/);
    expect(results.flatMap((result) => result.problems)).toEqual([]);
  });

  it('gives the streaming function room for the route timeout, and no function URLs', async () => {
    // Act
    const { functions } = await loadTemplate(template);

    // Assert
    expect(functions.map((fn) => [fn.logicalId, fn.timeout, fn.functionUrl])).toEqual([
      ['StreamingReportFunction', 120, undefined],
      ['BufferedReportFunction', 30, undefined],
    ]);
    expect(await checkTemplateOutputs(template)).toEqual([]);
  });

  describe('as AWS SAM translates it', () => {
    let resources: Record<string, CfnResource>;
    let paths: Record<string, { get: Method }>;
    beforeAll(async () => {
      resources = await samTranslate(template);
      const body = resources.ReportApi?.Properties?.Body as { paths: typeof paths };
      paths = body.paths;
    }, 60_000);

    it('makes /report/stream a STREAM integration on the response-streaming URI', () => {
      // Act
      const integration = paths['/report/stream']?.get['x-amazon-apigateway-integration'];

      // Assert: ResponseTransferMode: STREAM (CloudFormation's spelling) would give neither.
      expect(integration).toEqual({
        type: 'aws_proxy',
        httpMethod: 'POST',
        responseTransferMode: 'STREAM',
        timeoutInMillis: 120_000,
        uri: {
          'Fn::Sub': `arn:aws:apigateway:\${AWS::Region}:lambda:path/2021-11-15/functions/\${StreamingReportFunction.Arn}/response-streaming-invocations`,
        },
      });
    });

    it('keeps /report/buffered a classic buffered proxy integration', () => {
      // Act
      const integration = paths['/report/buffered']?.get['x-amazon-apigateway-integration'];

      // Assert
      expect(integration).toEqual({
        type: 'aws_proxy',
        httpMethod: 'POST',
        uri: {
          'Fn::Sub': `arn:aws:apigateway:\${AWS::Region}:lambda:path/2015-03-31/functions/\${BufferedReportFunction.Arn}/invocations`,
        },
      });
    });

    it('requires SigV4 on both routes and invokes without the caller credentials', () => {
      // Assert: no `credentials` in the integrations above (InvokeRole: NONE), and this.
      expect(Object.keys(paths)).toEqual(['/report/stream', '/report/buffered']);
      for (const path of Object.values(paths)) expect(path.get.security).toEqual([{ AWS_IAM: [] }]);
      const permissions = Object.values(resources).filter(
        (resource) => resource.Type === 'AWS::Lambda::Permission',
      );
      expect(permissions.map((permission) => permission.Properties?.Principal)).toEqual([
        'apigateway.amazonaws.com',
        'apigateway.amazonaws.com',
      ]);
    });

    it('creates a Regional API with the prod stage only', () => {
      // Act
      const stages = Object.values(resources).filter(
        (resource) => resource.Type === 'AWS::ApiGateway::Stage',
      );
      const deployment = Object.values(resources).find(
        (resource) => resource.Type === 'AWS::ApiGateway::Deployment',
      );

      // Assert: a Deployment with a StageName would add a second stage named "Stage".
      expect(stages.map((stage) => stage.Properties?.StageName)).toEqual(['prod']);
      expect(deployment?.Properties?.StageName).toBeUndefined();
      expect(resources.ReportApi?.Properties?.EndpointConfiguration).toEqual({
        Types: ['REGIONAL'],
      });
    });
  });
});
