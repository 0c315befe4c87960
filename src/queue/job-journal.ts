import { closeSync, fdatasync, fsyncSync, mkdirSync, openSync, readFileSync } from "node:fs";
import { dirname } from "node:path";
import { rewriteAtomically, writeFully } from "./atomic-rewrite.js";
import { formatRecord, replayJournal } from "./journal-record.js";
import type { QueueLogger } from "./queue-events.js";
import type { ReviewJob } from "./review-job.js";

/** Options of {@link openJobJournal}. */
export interface JobJournalOptions {
  /**
   * Rewrite the file with only the pending jobs once it holds this many records (and more than
   * twice as many as are pending, so a large backlog is not rewritten on every append). Default 10,000.
   */
  maxRecords?: number;
  log?: QueueLogger;
}

/** The memory queue's record on disk of jobs accepted and not yet done. One process per file. */
export interface JobJournal {
  readonly path: string;
  /** Jobs accepted and not done (those of earlier runs included), in the order they were accepted. */
  pending(): ReviewJob[];
  /**
   * Records an accepted job before returning. Recording a pending delivery again replaces its
   * record (e.g. once the job knows its check run); an identical record is not written twice.
   */
  accepted(job: ReviewJob): void;
  /** Records the end of a job; nothing is written for a delivery that is not pending. */
  done(jobId: string, deliveryId: string): void;
  /** Settles once every record appended so far has been fsynced. */
  flush(): Promise<void>;
  /** Flushes and closes the file; later records are ignored (a processor outliving `close`). */
  close(): Promise<void>;
}

/**
 * Opens (creating it and its folder) the append-only JSON-lines journal at `path` and compacts it:
 * the file is rewritten with only the pending jobs, which also drops a line cut short by a crash.
 *
 * Each record is written with one `write` before the call returns, so it survives the process
 * dying (the kernel holds it). An fsync costs milliseconds, too much inside a webhook request, so
 * fsyncs run off the event loop and are batched: one covers every record appended while the
 * previous one ran. A machine crash can therefore lose the records of the last few milliseconds.
 */
export function openJobJournal(path: string, options: JobJournalOptions = {}): JobJournal {
  const { log } = options;
  const maxRecords = options.maxRecords ?? 10_000;
  mkdirSync(dirname(path), { recursive: true });
  const replay = replayJournal(readIfExists(path));
  /** Pending deliveries with the line that recorded them (what a compaction writes back). */
  const pending = new Map<string, { job: ReviewJob; line: string }>();
  for (const [deliveryId, job] of replay.pending) pending.set(deliveryId, { job, line: formatRecord({ t: "accepted", job }) });
  rewriteAtomically(path, [...pending.values()].map((entry) => entry.line));
  let fd: number | undefined = openSync(path, "a");
  let records = pending.size;
  /** Past this many records the file is compacted; raised after a failure so it is not retried per append. */
  let compactAt = maxRecords;
  let closed = false;
  let closing: Promise<void> | undefined;
  let dirty = false;
  let syncing: Promise<void> | undefined;
  /** A failed write may have left half a line; the next record starts on a line of its own. */
  let broken = false;
  if (replay.skipped > 0 || pending.size > 0) {
    log?.info({ path, pending: pending.size, records: replay.records, skipped: replay.skipped }, "job journal opened");
  }

  function append(line: string): void {
    if (closed || fd === undefined) return;
    try {
      writeFully(fd, broken ? `\n${line}` : line);
      broken = false;
    } catch (err) {
      broken = true;
      throw err;
    }
    records++;
    dirty = true;
    syncing ??= syncLoop().finally(() => {
      syncing = undefined;
    });
  }

  async function syncLoop(): Promise<void> {
    while (dirty && fd !== undefined) {
      dirty = false;
      const target = fd;
      await new Promise<void>((resolve) =>
        fdatasync(target, (err) => {
          if (err) log?.warn({ path, err }, "job journal fsync failed");
          resolve();
        }),
      );
    }
    // No fsync is in flight here, so the descriptor can be swapped for the compacted file's.
    if (!closed && records > compactAt && records > 2 * pending.size) compact();
  }

  function compact(): void {
    try {
      rewriteAtomically(path, [...pending.values()].map((entry) => entry.line));
    } catch (err) {
      log?.warn({ path, err }, "job journal compaction failed; still appending to the old file");
      compactAt = records + maxRecords;
      return;
    }
    if (fd !== undefined) closeSync(fd);
    fd = openSync(path, "a");
    records = pending.size;
    compactAt = maxRecords;
    broken = false;
  }

  return {
    path,
    pending: () => [...pending.values()].map((entry) => entry.job),
    accepted(job) {
      const line = formatRecord({ t: "accepted", job });
      if (pending.get(job.deliveryId)?.line === line) return;
      append(line);
      pending.set(job.deliveryId, { job, line });
    },
    done(jobId, deliveryId) {
      if (!pending.has(deliveryId)) return;
      append(formatRecord({ t: "done", jobId, deliveryId }));
      pending.delete(deliveryId);
    },
    async flush() {
      while (syncing) await syncing;
    },
    close() {
      closed = true;
      closing ??= (async () => {
        while (syncing) await syncing;
        if (fd === undefined) return;
        fsyncSync(fd);
        closeSync(fd);
        fd = undefined;
      })();
      return closing;
    },
  };
}

function readIfExists(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return "";
    throw err;
  }
}
