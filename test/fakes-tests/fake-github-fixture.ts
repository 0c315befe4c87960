import { Octokit } from "@octokit/rest";
import type { FakeGitHub } from "../fakes/github/index.js";

export const REPO = "acme/shop";
export const HEAD_SHA = "a".repeat(40);
export const BASE_SHA = "b".repeat(40);

/**
 * Two hunks. RIGHT lines in the diff: 1-6 and 21-24; LEFT lines: 1-5 and 20-22.
 * Positions: 1-7 in the first hunk, 8 is the second header, 9-12 in the second hunk.
 */
export const CART_PATCH = [
  "@@ -1,5 +1,6 @@",
  " export function total(items) {",
  "-  let sum = 0;",
  "+  let sum = 0; // running total",
  "+  const tax = 0.2;",
  "   for (const item of items) sum += item.price;",
  "   return sum;",
  " }",
  "@@ -20,3 +21,4 @@ export function total(items) {",
  " function empty() {",
  "   return [];",
  " }",
  "+export const VERSION = 2;",
].join("\n");

export const CART_HEAD = "export function total(items) {\n  let sum = 0; // running total\n  const tax = 0.2;\n";

/** The repository and PR #7 most tests start from. */
export function seedShop(fake: FakeGitHub): void {
  fake.state.addRepo(REPO);
  fake.state.addPullRequest({
    number: 7,
    headSha: HEAD_SHA,
    baseSha: BASE_SHA,
    title: "Add tax",
    files: [
      { filename: "src/cart.ts", status: "modified", patch: CART_PATCH, contents: CART_HEAD },
      { filename: "docs/new.md", contents: "# New\n\nHello\n" },
      { filename: "assets/logo.png", status: "added", binary: true },
    ],
  });
}

const quiet = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

/** The real REST client against the fake, with an installation token. */
export function octokitFor(fake: FakeGitHub, token = fake.createInstallationToken()): Octokit {
  return new Octokit({ auth: token, baseUrl: fake.url, log: quiet });
}

/** Sends a request the typed client would refuse to build (to test the fake's validation). */
export function sendUntyped(octokit: Octokit, route: string, params: Record<string, unknown>) {
  return octokit.request(route, params);
}

/** Runs `call` and returns the RequestError it throws (fails the test if it does not throw). */
export async function expectHttpError(
  call: () => Promise<unknown>,
): Promise<{ status: number; data: Record<string, unknown>; headers: Record<string, string> }> {
  try {
    await call();
  } catch (error) {
    const failure = error as { status?: number; response?: { data: unknown; headers: Record<string, string> } };
    if (typeof failure.status !== "number") throw error;
    return {
      status: failure.status,
      data: (failure.response?.data ?? {}) as Record<string, unknown>,
      headers: failure.response?.headers ?? {},
    };
  }
  throw new Error("expected the request to fail");
}
