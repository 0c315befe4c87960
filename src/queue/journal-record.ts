import type { ReviewJob } from "./review-job.js";

/** One line of the job journal: a job the queue accepted, or the end of one. */
export type JournalRecord =
  | { t: "accepted"; job: ReviewJob }
  /** The job ran to an end (reviewed, failed for good, superseded): not to be replayed. */
  | { t: "done"; jobId: string; deliveryId: string };

/** The record as one JSON line, newline included. */
export function formatRecord(record: JournalRecord): string {
  return `${JSON.stringify(record)}\n`;
}

function isReviewJob(value: unknown): value is ReviewJob {
  const job = value as Partial<ReviewJob> | null;
  return (
    typeof job === "object" &&
    job !== null &&
    typeof job.deliveryId === "string" &&
    typeof job.installationId === "number" &&
    typeof job.owner === "string" &&
    typeof job.repo === "string" &&
    typeof job.pullNumber === "number" &&
    typeof job.headSha === "string"
  );
}

/** A line as a record, or undefined when it is not one (cut short by a crash, or foreign text). */
export function parseRecord(line: string): JournalRecord | undefined {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return undefined;
  }
  const record = value as { t?: unknown; job?: unknown; jobId?: unknown; deliveryId?: unknown } | null;
  if (record?.t === "accepted" && isReviewJob(record.job)) return { t: "accepted", job: record.job };
  if (record?.t === "done" && typeof record.jobId === "string" && typeof record.deliveryId === "string") {
    return { t: "done", jobId: record.jobId, deliveryId: record.deliveryId };
  }
  return undefined;
}

/** What a journal's text says is still to do. */
export interface JournalReplay {
  /** Accepted and not done, by delivery id, in the order they were first accepted. */
  pending: Map<string, ReviewJob>;
  /** Records read. */
  records: number;
  /** Lines that were not records; the last line is expected to be one after a crash mid-write. */
  skipped: number;
}

/**
 * Folds a journal's lines into the jobs still pending: `accepted` adds (a later one for the same
 * delivery replaces the earlier, keeping its place), `done` removes.
 */
export function replayJournal(text: string): JournalReplay {
  const pending = new Map<string, ReviewJob>();
  let records = 0;
  let skipped = 0;
  for (const line of text.split("\n")) {
    if (line.trim() === "") continue;
    const record = parseRecord(line);
    if (!record) {
      skipped++;
      continue;
    }
    records++;
    if (record.t === "accepted") pending.set(record.job.deliveryId, record.job);
    else pending.delete(record.deliveryId);
  }
  return { pending, records, skipped };
}
