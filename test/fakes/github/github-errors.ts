/**
 * Error answers in GitHub's shapes. Handlers throw `GitHubHttpError`; the server turns it into
 * the response. Current GitHub error bodies carry `status` as a string next to `message` and
 * `documentation_url`.
 */
export class GitHubHttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>,
    readonly headers: Record<string, string> = {},
  ) {
    super(String(body.message ?? status));
    this.name = "GitHubHttpError";
  }
}

const REST_DOCS = "https://docs.github.com/rest";

export function notFound(documentationUrl = REST_DOCS): GitHubHttpError {
  return new GitHubHttpError(404, {
    message: "Not Found",
    documentation_url: documentationUrl,
    status: "404",
  });
}

/** GitHub's answer to a body its schema rejects: one line per problem after "Invalid request." */
export function invalidRequest(lines: string[], documentationUrl: string): GitHubHttpError {
  return new GitHubHttpError(422, {
    message: `Invalid request.\n\n${lines.join("\n")}`,
    documentation_url: documentationUrl,
    status: "422",
  });
}

/**
 * GitHub's answer to a body that is well-formed but refused by the model (review threads, pending
 * reviews): `errors` holds the messages joined into one sentence, as Rails' `to_sentence` does,
 * e.g. "Pull request review thread line must be part of the diff and Pull request review thread
 * diff hunk can't be blank".
 */
export function unprocessable(messages: string[], documentationUrl: string): GitHubHttpError {
  return new GitHubHttpError(422, {
    message: "Unprocessable Entity",
    errors: [toSentence(messages)],
    documentation_url: documentationUrl,
    status: "422",
  });
}

/** The older "Validation Failed" shape, with `{resource, code, field}` error objects. */
export function validationFailed(
  errors: Array<{ resource: string; code: string; field?: string; message?: string }>,
  documentationUrl: string,
): GitHubHttpError {
  return new GitHubHttpError(422, {
    message: "Validation Failed",
    errors,
    documentation_url: documentationUrl,
    status: "422",
  });
}

export function unauthorized(message = "Bad credentials"): GitHubHttpError {
  return new GitHubHttpError(401, { message, documentation_url: REST_DOCS, status: "401" });
}

/** An installation token without the permission a route needs. */
export function notAccessibleByIntegration(documentationUrl: string): GitHubHttpError {
  return new GitHubHttpError(403, {
    message: "Resource not accessible by integration",
    documentation_url: documentationUrl,
    status: "403",
  });
}

export function toSentence(parts: string[]): string {
  if (parts.length <= 1) return parts[0] ?? "";
  if (parts.length === 2) return `${parts[0]} and ${parts[1]}`;
  return `${parts.slice(0, -1).join(", ")}, and ${parts[parts.length - 1]}`;
}
