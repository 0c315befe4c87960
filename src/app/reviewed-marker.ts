/** Hidden marker in the sticky summary: the head commit the last review covered. */
export function reviewedShaMarker(sha: string): string {
  return `<!-- patchwarden:reviewed=${sha} -->`;
}

/** The last reviewed commit recorded in a summary body, if any. */
export function readReviewedSha(body: string): string | undefined {
  return /<!-- patchwarden:reviewed=([0-9a-f]{7,64}) -->/.exec(body)?.[1];
}
