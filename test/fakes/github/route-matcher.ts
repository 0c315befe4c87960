import type { OpenApiIndex, OpenApiOperation } from "./openapi-spec.js";

export interface RouteMatch {
  operation: OpenApiOperation;
  /** Path parameters, percent-decoded (`.github%2Fpatchwarden.yml` → `.github/patchwarden.yml`). */
  params: Record<string, string>;
}

type Segment = { literal: string } | { param: string };

interface CompiledRoute {
  operation: OpenApiOperation;
  segments: Segment[];
  literalCount: number;
}

// Path parameters whose values may contain "/": file paths, refs (`heads/feature/x`), basehead.
const SLASHED_PARAMS = new Set(["path", "ref", "basehead", "branch", "file_path"]);

const compiledByIndex = new WeakMap<OpenApiIndex, Map<string, CompiledRoute[]>>();

/**
 * Finds the operation whose path template matches `rawPath` (no query string, not decoded).
 * Segments are matched before decoding so an encoded `%2F` stays inside one parameter, the way
 * Octokit sends `{path}` and `{ref}`. When several templates match, the one with more literal
 * segments wins (`/pulls/comments` beats `/pulls/{pull_number}`). As a fallback, a template whose
 * last segment is a parameter takes the rest of the path, slashes included, as GitHub does for
 * `/contents/{path}` written with raw slashes. Only parameters that hold a file path or a git ref
 * may do so (`/repos/{owner}/{repo}/no-such-thing` must not match `/repos/{owner}/{repo}`).
 */
export function matchRoute(index: OpenApiIndex, method: string, rawPath: string): RouteMatch | undefined {
  const routes = compiledRoutes(index).get(method.toUpperCase()) ?? [];
  const parts = rawPath.replace(/\/+$/, "").split("/").slice(1);
  let best: { route: CompiledRoute; values: string[] } | undefined;
  for (const route of routes) {
    if (route.segments.length !== parts.length) continue;
    const values = matchSegments(route.segments, parts);
    if (values && (!best || route.literalCount > best.route.literalCount)) best = { route, values };
  }
  if (!best) {
    for (const route of routes) {
      const last = route.segments[route.segments.length - 1];
      if (!last || !("param" in last) || !SLASHED_PARAMS.has(last.param)) continue;
      if (parts.length <= route.segments.length) continue;
      const head = parts.slice(0, route.segments.length - 1);
      const values = matchSegments(route.segments.slice(0, -1), head);
      if (!values) continue;
      const rest = parts.slice(route.segments.length - 1).join("/");
      if (!best || route.literalCount > best.route.literalCount) {
        best = { route, values: [...values, rest] };
      }
    }
  }
  if (!best) return undefined;
  const params: Record<string, string> = {};
  let i = 0;
  for (const segment of best.route.segments) {
    if ("param" in segment) params[segment.param] = safeDecode(best.values[i++] ?? "");
  }
  return { operation: best.route.operation, params };
}

function matchSegments(segments: Segment[], parts: string[]): string[] | undefined {
  const values: string[] = [];
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i];
    const part = parts[i];
    if (segment === undefined || part === undefined) return undefined;
    if ("literal" in segment) {
      if (segment.literal !== part) return undefined;
    } else {
      if (part === "") return undefined;
      values.push(part);
    }
  }
  return values;
}

function compiledRoutes(index: OpenApiIndex): Map<string, CompiledRoute[]> {
  const cached = compiledByIndex.get(index);
  if (cached) return cached;
  const compiled = new Map<string, CompiledRoute[]>();
  for (const [method, operations] of index.byMethod) {
    compiled.set(
      method,
      operations.map((operation) => {
        const segments = operation.template
          .split("/")
          .slice(1)
          .map((part): Segment => {
            const param = /^\{([^}]+)\}$/.exec(part);
            return param?.[1] ? { param: param[1] } : { literal: part };
          });
        const literalCount = segments.filter((segment) => "literal" in segment).length;
        return { operation, segments, literalCount };
      }),
    );
  }
  compiledByIndex.set(index, compiled);
  return compiled;
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
