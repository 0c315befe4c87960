/**
 * What a reviewer produced on one case, reduced to what the scoring needs: the inline comments it
 * would post, and whether it could review the case at all.
 */

/** One inline comment on the new (RIGHT) side of the diff. */
export interface PostedComment {
  path: string;
  /** Last line of the commented range. */
  line: number;
  /** First line of a multi-line range. */
  startLine?: number;
  rule: string;
  category?: string;
}

export interface ToolOutcome {
  comments: PostedComment[];
  /** Findings the tool reported but kept out of the inline comments (summary-only, RIGHT side). */
  held?: PostedComment[];
  /** Set when the tool could not review the case (bad input, crash, unparsable output). */
  error?: string;
  /** Things worth knowing that did not stop the review (files the tool could not parse). */
  notes: string[];
  durationMs: number;
}

/** A reviewer under measurement. */
export interface Reviewer {
  name: string;
  review(diffPath: string, repoDir: string): Promise<ToolOutcome>;
}
