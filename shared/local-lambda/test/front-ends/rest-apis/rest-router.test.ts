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

describe('REST routing precedence', () => {
  it.each([
    ['a literal segment before {param}', '/pets/dog', 'GET', 'GET /pets/dog', null],
    ['{param} before {proxy+}', '/pets/cat', 'GET', 'GET /pets/{id}', { id: 'cat' }],
    ['the request method before ANY', '/pets/cat', 'POST', 'ANY /pets/{id}', { id: 'cat' }],
    [
      'the nearest {proxy+}, with every remaining segment',
      '/pets/cat/toys/1',
      'GET',
      'ANY /pets/{proxy+}',
      { proxy: 'cat/toys/1' },
    ],
    ['the root {proxy+} elsewhere', '/other/x', 'GET', 'ANY /{proxy+}', { proxy: 'other/x' }],
    [
      '{param} when the literal branch lacks the route (backtracking, UNCONFIRMED)',
      '/a/b/c',
      'GET',
      'GET /a/{x}/c',
      { x: 'b' },
    ],
    ['the root resource', '/', 'GET', 'GET /', null],
  ])('chooses %s', (_name, path, method, resource, params) => {
    // Arrange
    const segments = path.split('/').filter((segment) => segment !== '');

    // Act
    const found = new RestRouter(ROUTES).match(segments, method);

    // Assert
    expect(found && `${found.route.method} ${found.route.path}`).toBe(resource);
    expect(found?.pathParameters).toEqual(params);
  });

  it('never matches a {proxy+} parent, an undefined method or an unknown path without a proxy', () => {
    // Arrange
    const router = new RestRouter([route('ANY', '/files/{proxy+}'), route('GET', '/only-get')]);

    // Act
    const results = [
      router.match(['files'], 'GET'),
      router.match(['only-get'], 'POST'),
      router.match(['nowhere'], 'GET'),
    ];

    // Assert
    expect(results).toEqual([undefined, undefined, undefined]);
  });
});
