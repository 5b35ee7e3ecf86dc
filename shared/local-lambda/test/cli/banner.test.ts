import { describe, expect, it } from 'vitest';
import { formatBanner } from '../../src/cli/banner.js';
import { DEFAULT_CREDENTIALS } from '../../src/defaults.js';

describe('start banner', () => {
  it('prints the dashboard URL at the root of the API endpoint', () => {
    // Arrange
    const lambda = {
      endpoint: 'http://127.0.0.1:3000',
      region: 'us-east-1',
      credentials: { ...DEFAULT_CREDENTIALS },
      functions: [],
      restApis: [],
      warnings: [],
      close: async () => {},
    };

    // Act
    const banner = formatBanner(lambda, '0.1.0');

    // Assert
    expect(banner).toMatch(/^Dashboard {3}http:\/\/127\.0\.0\.1:3000\/ {2}\(open it in a browser/m);
  });

  it('lists each REST API with its stage URLs and routes, and a curl signed for execute-api', () => {
    // Arrange
    const route = {
      method: 'GET',
      path: '/report',
      functionName: 'ReportFn',
      transferMode: 'STREAM' as const,
      auth: 'AWS_IAM',
    };
    const lambda = {
      endpoint: 'http://127.0.0.1:3000',
      region: 'us-east-1',
      credentials: { ...DEFAULT_CREDENTIALS },
      functions: [],
      restApis: [
        {
          name: 'ReportApi',
          url: 'http://127.0.0.1:3100',
          port: 3100,
          stages: ['prod'],
          stageUrls: ['http://127.0.0.1:3100/prod'],
          routes: [route],
        },
      ],
      warnings: [],
      close: async () => {},
    };

    // Act
    const banner = formatBanner(lambda, '0.1.0');

    // Assert
    expect(banner).toContain('  REST API ReportApi  http://127.0.0.1:3100/prod\n');
    expect(banner).toMatch(/ {4}GET +\/report +STREAM +AWS_IAM +-> ReportFn/);
    expect(banner).toContain('--aws-sigv4 "aws:amz:us-east-1:execute-api"');
    expect(banner).toContain(' http://127.0.0.1:3100/prod/report\n');
  });
});
