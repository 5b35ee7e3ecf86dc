import type { SamRestRoute } from '@lambda-streaming/sam-template';
import { describe, expect, it } from 'vitest';
import { RestRouter } from '../../../src/front-ends/rest-apis/rest-router.js';

function route(method: string, path: string): SamRestRoute {
  return {
    method,
    path,
    functionName: 'Fn',
    transferMode: 'BUFFERED',
    timeoutInMillis: 29000,
    auth: { type: 'NONE' },
  };
}

const ROUTES = [
  route('GET', '/'),
  route('GET', '/pets/dog'),
  route('GET', '/pets/{id}'),
  route('ANY', '/pets/{id}'),
  route('ANY', '/pets/{proxy+}'),
  route('GET', '/a/b'),
  route('GET', '/a/{x}/c'),
  route('ANY', '/{proxy+}'),
];

function matchOf(path: string, method = 'GET') {
  const segments = path.split('/').filter((segment) => segment !== '');
  const found = new RestRouter(ROUTES).match(segments, method);
  return (
    found && { resource: `${found.route.method} ${found.route.path}`, params: found.pathParameters }
  );
}

describe('REST routing precedence', () => {
  it('prefers a literal segment to {param}', () => {
    expect(matchOf('/pets/dog')).toEqual({ resource: 'GET /pets/dog', params: null });
  });

  it('prefers {param} to {proxy+}', () => {
    expect(matchOf('/pets/cat')).toEqual({ resource: 'GET /pets/{id}', params: { id: 'cat' } });
  });

  it('prefers the request method to ANY on the same resource', () => {
    expect(matchOf('/pets/cat', 'POST')).toEqual({
      resource: 'ANY /pets/{id}',
      params: { id: 'cat' },
    });
  });

  it('gives {proxy+} every remaining segment, and the nearest proxy wins', () => {
    expect(matchOf('/pets/cat/toys/1')).toEqual({
      resource: 'ANY /pets/{proxy+}',
      params: { proxy: 'cat/toys/1' },
    });
    expect(matchOf('/other/x')).toEqual({
      resource: 'ANY /{proxy+}',
      params: { proxy: 'other/x' },
    });
  });

  it('falls back from a literal branch without the route to {param} (backtracking, UNCONFIRMED)', () => {
    expect(matchOf('/a/b/c')).toEqual({ resource: 'GET /a/{x}/c', params: { x: 'b' } });
  });

  it('never matches a {proxy+} parent, an undefined method or an unknown path without a proxy', () => {
    const router = new RestRouter([route('ANY', '/files/{proxy+}'), route('GET', '/only-get')]);
    expect(router.match(['files'], 'GET')).toBeUndefined();
    expect(router.match(['only-get'], 'POST')).toBeUndefined();
    expect(router.match(['nowhere'], 'GET')).toBeUndefined();
  });

  it('matches the root resource', () => {
    expect(matchOf('/')).toEqual({ resource: 'GET /', params: null });
  });
});
