/**
 * API Gateway's REST routing: resources as a tree of path segments, matched segment by segment.
 * A literal segment wins over `{param}`, which wins over `{proxy+}` (greedy, one segment or
 * more, never its parent); on a resource, the request's method wins over `ANY`. When a more
 * specific branch has no matching method, the next branch is tried (backtracking: UNCONFIRMED).
 */
import type { SamRestRoute } from '@lambda-streaming/sam-template';

/** A route found for a request, with its path parameters (`null` when the resource has none). */
export interface RouteMatch {
  route: SamRestRoute;
  pathParameters: Record<string, string> | null;
}

interface ResourceNode {
  literals: Map<string, ResourceNode>;
  param?: { name: string; node: ResourceNode };
  proxy?: { name: string; methods: Map<string, SamRestRoute> };
  methods: Map<string, SamRestRoute>;
}

const newNode = (): ResourceNode => ({ literals: new Map(), methods: new Map() });

function segmentsOf(path: string): string[] {
  return path.split('/').filter((segment) => segment !== '');
}

function insert(root: ResourceNode, route: SamRestRoute): void {
  let node = root;
  for (const segment of segmentsOf(route.path)) {
    const greedy = /^\{(.+)\+\}$/.exec(segment);
    const param = /^\{(.+)\}$/.exec(segment);
    if (greedy) {
      node.proxy ??= { name: greedy[1] as string, methods: new Map() };
      node.proxy.methods.set(route.method, route);
      return;
    }
    if (param) {
      node.param ??= { name: param[1] as string, node: newNode() };
      node = node.param.node;
      continue;
    }
    const next = node.literals.get(segment) ?? newNode();
    node.literals.set(segment, next);
    node = next;
  }
  node.methods.set(route.method, route);
}

function pick(methods: Map<string, SamRestRoute>, method: string): SamRestRoute | undefined {
  return methods.get(method) ?? methods.get('ANY');
}

/**
 * Routes requests of one API (its stage already taken off the path).
 *
 * @example
 * ```ts
 * const router = new RestRouter(api.routes);
 * router.match(['report', '42'], 'GET'); // { route: GET /report/{id}, pathParameters: { id: '42' } }
 * ```
 */
export class RestRouter {
  readonly #root = newNode();

  constructor(routes: readonly SamRestRoute[]) {
    for (const route of routes) insert(this.#root, route);
  }

  /**
   * @param segments - The request's path segments after the stage, URL-decoded, none empty.
   * @param method - The request's method.
   * @returns The route and parameters, or undefined (API Gateway's 403 Missing Authentication Token).
   */
  match(segments: readonly string[], method: string): RouteMatch | undefined {
    return this.#walk(this.#root, segments, 0, method, {});
  }

  #walk(
    node: ResourceNode,
    segments: readonly string[],
    index: number,
    method: string,
    params: Record<string, string>,
  ): RouteMatch | undefined {
    if (index === segments.length) {
      const route = pick(node.methods, method);
      return route && { route, pathParameters: Object.keys(params).length > 0 ? params : null };
    }
    const segment = segments[index] as string;
    const literal = node.literals.get(segment);
    const viaLiteral = literal && this.#walk(literal, segments, index + 1, method, params);
    if (viaLiteral) return viaLiteral;
    if (node.param) {
      const withParam = { ...params, [node.param.name]: segment };
      const viaParam = this.#walk(node.param.node, segments, index + 1, method, withParam);
      if (viaParam) return viaParam;
    }
    const proxyRoute = node.proxy && pick(node.proxy.methods, method);
    if (!node.proxy || !proxyRoute) return undefined;
    const pathParameters = { ...params, [node.proxy.name]: segments.slice(index).join('/') };
    return { route: proxyRoute, pathParameters };
  }
}
