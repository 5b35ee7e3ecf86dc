import type { Server } from 'node:http';
import type { SamFunction } from '@lambda-streaming/sam-template';
import { afterEach, describe, expect, it } from 'vitest';
import { bindPorts, startServing } from '../../src/start/bind-ports.js';
import { closeNow } from '../../src/start/listen.js';
import { send } from '../dashboard/http.js';

function definition(logicalId: string, withUrl: boolean): SamFunction {
  return {
    logicalId,
    templatePath: '/tmp/template.yaml',
    handler: 'index.handler',
    codeUri: '/tmp/code',
    runtime: 'nodejs22.x',
    architectures: ['arm64'],
    timeout: 3,
    memorySize: 128,
    environment: {},
    ...(withUrl ? { functionUrl: { authType: 'NONE', invokeMode: 'RESPONSE_STREAM' } } : {}),
  };
}

describe('binding the ports before anything is served', () => {
  const servers: Server[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map(closeNow));
  });

  it('binds one server per function URL and the API, each known by its URL', async () => {
    // Arrange
    const definitions = [
      definition('First', true),
      definition('NoUrl', false),
      definition('Second', true),
    ];

    // Act
    const ports = await bindPorts(
      definitions,
      { host: '127.0.0.1', port: 0, urlPortBase: 0 },
      servers,
    );

    // Assert
    expect([...ports.urls.keys()]).toEqual(['First', 'Second']);
    expect(ports.urls.get('First')?.url).toBe(`http://127.0.0.1:${ports.urls.get('First')?.port}/`);
    expect(ports.api.url).toBe(`http://127.0.0.1:${ports.api.port}`);
    expect(servers).toHaveLength(3);
    expect(servers.every((server) => server.listening)).toBe(true);
  });

  it('answers 503 until the front end is attached, then only the front end answers', async () => {
    // Arrange
    const ports = await bindPorts([], { host: '127.0.0.1', port: 0, urlPortBase: 0 }, servers);

    // Act
    const early = await send(ports.api.url);
    startServing(ports.api.server).on('request', (_req, res) => res.end('served'));
    const later = await send(ports.api.url);

    // Assert
    expect(early.status).toBe(503);
    expect(early.headers['retry-after']).toBe('1');
    expect(JSON.parse(early.body)).toEqual({
      message: 'local-lambda is starting; try again in a moment.',
    });
    expect(later.status).toBe(200);
    expect(later.body).toBe('served');
  });
});
