import { covers } from "./access-tokens.js";
import type { FakeGitHubState } from "./fake-state.js";
import { GitHubHttpError, notAccessibleByIntegration, notFound, unauthorized } from "./github-errors.js";
import type { Caller, RouteDefinition } from "./route-types.js";
import type { RepoRecord } from "./state-records.js";

const JWT_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

/**
 * Authenticates a request for a route. App routes need `Authorization: Bearer <JWT>`; the JWT's
 * shape and (when readable) its `exp` are checked, its signature is NOT verified: the fake does
 * not know the App's public key, and any RSA key a test generates is accepted. Installation routes
 * need a token this fake issued (`token <t>` or `Bearer <t>`, both accepted by GitHub) that has
 * not expired.
 */
export function authenticate(
  state: FakeGitHubState,
  authorization: string | undefined,
  route: RouteDefinition,
): Caller {
  if (!authorization) {
    throw new GitHubHttpError(401, { message: "Requires authentication", documentation_url: "https://docs.github.com/rest", status: "401" });
  }
  const [scheme = "", credential = ""] = authorization.trim().split(/\s+/, 2);
  const lowerScheme = scheme.toLowerCase();
  if (route.auth === "app") {
    if (lowerScheme !== "bearer" || !JWT_SHAPE.test(credential)) {
      throw unauthorized("A JSON web token could not be decoded");
    }
    const exp = readExpiry(credential);
    if (exp !== undefined && exp * 1000 < state.options.now().getTime()) {
      throw unauthorized("'Expiration time' claim ('exp') must be a numeric value representing the future time at which the assertion expires");
    }
    return { kind: "app" };
  }
  if (lowerScheme !== "token" && lowerScheme !== "bearer") throw unauthorized();
  const token = state.tokens.get(credential);
  if (!token || Date.parse(token.expiresAt) < state.options.now().getTime()) throw unauthorized();
  return { kind: "installation", token };
}

/**
 * An installation token sees only its installation's repositories (and, when it was issued for
 * some repositories, only those); others are hidden behind 404 as GitHub hides private ones.
 */
export function checkRepoAccess(caller: Caller, repo: RepoRecord, documentationUrl: string): void {
  if (caller.kind !== "installation") return;
  const { token } = caller;
  if (token.installationId !== repo.installationId) throw notFound(documentationUrl);
  if (token.repositories && !token.repositories.includes(repo.name)) throw notFound(documentationUrl);
}

/** 403 "Resource not accessible by integration" when the token lacks the route's permission. */
export function checkPermission(caller: Caller, route: RouteDefinition, documentationUrl: string): void {
  if (caller.kind !== "installation" || !route.permission) return;
  const { names, level } = route.permission;
  if (!names.some((name) => covers(caller.token.permissions[name], level))) {
    throw notAccessibleByIntegration(documentationUrl);
  }
}

function readExpiry(jwt: string): number | undefined {
  try {
    const payload = JSON.parse(Buffer.from(jwt.split(".")[1] ?? "", "base64url").toString("utf8")) as { exp?: unknown };
    return typeof payload.exp === "number" ? payload.exp : undefined;
  } catch {
    return undefined;
  }
}
