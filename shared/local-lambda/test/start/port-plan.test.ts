import { describe, expect, it } from 'vitest';
import { checkPortPlan, PortCollisionError } from '../../src/start/port-plan.js';

describe('port plan', () => {
  it('refuses REST API ports that overlap the function URL ports, naming both options', () => {
    // Arrange
    const settings = { port: 3000, urlPortBase: 3001, restApiPortBase: 3003 };

    // Act
    const plan = () => checkPortPlan(settings, { urls: 4, restApis: 1 });

    // Assert
    expect(plan).toThrow(PortCollisionError);
    expect(plan).toThrow(
      'the function URLs (ports 3001-3004, --url-port-base) and the REST APIs (port 3003, --rest-api-port-base) overlap. Move one with --url-port-base or --rest-api-port-base (0 picks free ports).',
    );
  });

  it('refuses a REST API on the Lambda API port', () => {
    expect(() =>
      checkPortPlan(
        { port: 3100, urlPortBase: 3001, restApiPortBase: 3100 },
        { urls: 1, restApis: 2 },
      ),
    ).toThrow(/the Lambda API \(port 3100, --port\) and the REST APIs/);
  });

  it('accepts the defaults, ephemeral ports and ranges that only touch', () => {
    // Arrange / Act / Assert
    const defaults = { port: 3000, urlPortBase: 3001, restApiPortBase: 3100 };
    expect(() => checkPortPlan(defaults, { urls: 6, restApis: 2 })).not.toThrow();
    expect(() =>
      checkPortPlan({ port: 0, urlPortBase: 0, restApiPortBase: 0 }, { urls: 6, restApis: 2 }),
    ).not.toThrow();
    expect(() =>
      checkPortPlan(
        { port: 3000, urlPortBase: 3001, restApiPortBase: 3003 },
        { urls: 2, restApis: 1 },
      ),
    ).not.toThrow();
  });
});
