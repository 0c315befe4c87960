import { validationFailed } from "./github-errors.js";

// Comment, review and issue bodies are capped at 65,536 characters; longer ones are refused with
// a 422 "body is too long (maximum is 65536 characters)".
export const MAX_BODY_CHARACTERS = 65536;

/** Refuses an empty or over-long body the way GitHub does for the given resource. */
export function checkCommentBody(body: unknown, resource: string, documentationUrl: string): string {
  const text = typeof body === "string" ? body : "";
  if (text.trim() === "") {
    throw validationFailed([{ resource, code: "missing_field", field: "body" }], documentationUrl);
  }
  if ([...text].length > MAX_BODY_CHARACTERS) {
    throw validationFailed(
      [{ resource, code: "custom", field: "body", message: `body is too long (maximum is ${MAX_BODY_CHARACTERS} characters)` }],
      documentationUrl,
    );
  }
  return text;
}
