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
  /**
   * Least time between two fsyncs while records keep coming (default 25 ms). Back-to-back fsyncs
   * under a burst cost CPU the webhook answers need; a machine crash (not a process crash: every
   * record is written before its answer) can lose the records of about this long.
   */
  syncEveryMs?: number;
  log?: QueueLogger;
  /** Writes text at the end of the file (default: `write` until all is written); tests make it fail. */
  writeText?: (fd: number, text: string) => void;
}

/** A journal write failed: the jobs it held are queued in memory but would not survive a crash. */
export class JournalWriteError extends Error {
  override name = "JournalWriteError";
  constructor(
    readonly path: string,
    cause: unknown,
  ) {
    super(`could not write the job journal ${path}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}

/** The memory queue's record on disk of jobs accepted and not yet done. One process per file. */
export interface JobJournal {
  readonly path: string;
  /** Jobs accepted and not done (those of earlier runs included), in the order they were accepted. */
  pending(): ReviewJob[];
  /**
   * Records an accepted job; it is written with the other records of this event-loop turn, and
   * `written()` settles once it is. Recording a pending delivery again replaces its record (e.g.
   * once the job knows its check run); an identical record is not written twice.
   */
  accepted(job: ReviewJob): void;
  /**
   * Settles once every record made so far is written to the file (the kernel holds it, so it
   * survives the process dying); rejects with a {@link JournalWriteError} if the write failed (a
   * full disk, say): those jobs are not crash-safe.
   */
  written(): Promise<void>;
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
 * Records are written in groups: every record made during one event-loop turn goes out in one
 * `write` at the end of the turn (group commit), and `written()` settles then. A caller that must
 * not answer before its record survives the process dying (the webhook front, through the queue)
 * awaits it; under a burst of deliveries, one write serves them all. An fsync costs milliseconds,
 * too much inside a webhook request, so fsyncs run off the event loop and are batched too: one
 * covers every record written since the previous one, at most one per `syncEveryMs`. A machine
 * crash can therefore lose the records of the last few tens of milliseconds.
 */
export function openJobJournal(path: string, options: JobJournalOptions = {}): JobJournal {
  const { log } = options;
  const maxRecords = options.maxRecords ?? 10_000;
  const syncEveryMs = options.syncEveryMs ?? 25;
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

  /** Records made this turn, written together by `writeBuffered`. */
  let buffered: string[] = [];
  let waiters: Array<{ resolve(): void; reject(err: Error): void }> = [];
  let scheduled: NodeJS.Immediate | undefined;

  function append(line: string): void {
    if (closed || fd === undefined) return;
    buffered.push(line);
    scheduled ??= setImmediate(writeBuffered);
  }

  function writeBuffered(): void {
    if (scheduled) clearImmediate(scheduled);
    scheduled = undefined;
    const lines = buffered;
    const settled = waiters;
    buffered = [];
    waiters = [];
    let failure: Error | undefined;
    if (lines.length > 0 && fd !== undefined) {
      try {
        (options.writeText ?? writeFully)(fd, (broken ? "\n" : "") + lines.join(""));
        broken = false;
        records += lines.length;
        dirty = true;
        syncing ??= syncLoop().finally(() => {
          syncing = undefined;
        });
      } catch (err) {
        broken = true;
        log?.error({ path, err, records: lines.length }, "job journal: could not write records; their jobs are not crash-safe");
        failure = new JournalWriteError(path, err);
        // Tried again with the next write (a record is replayed by its latest line, so a part
        // written before the failure does no harm).
        buffered = lines.concat(buffered);
      }
    }
    for (const waiter of settled) {
      if (failure) waiter.reject(failure);
      else waiter.resolve();
    }
  }

  /** When the last fsync started; the next waits out `syncEveryMs` unless a flush or close hurries it. */
  let lastSyncAt = -Infinity;
  let hurry: (() => void) | undefined;
  /** Flushes waiting: the loop does not space its fsyncs while any is. */
  let flushing = 0;

  async function syncLoop(): Promise<void> {
    while (dirty && fd !== undefined) {
      const wait = lastSyncAt + syncEveryMs - performance.now();
      if (wait > 0 && !closed && flushing === 0) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(() => {
            hurry = undefined;
            resolve();
          }, wait);
          // A pending fsync alone does not keep the process alive; close() syncs anyway.
          timer.unref();
          hurry = () => {
            clearTimeout(timer);
            hurry = undefined;
            resolve();
          };
        });
      }
      if (fd === undefined) break;
      lastSyncAt = performance.now();
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
    writeBuffered();
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
    written() {
      // A closed journal writes nothing more (what close could not write was logged).
      if (buffered.length === 0 || closed || fd === undefined) return Promise.resolve();
      // Records left by a failed write are tried again now, not only with the next new record.
      scheduled ??= setImmediate(writeBuffered);
      return new Promise<void>((resolve, reject) => waiters.push({ resolve, reject }));
    },
    async flush() {
      flushing++;
      try {
        writeBuffered();
        hurry?.();
        while (syncing) await syncing;
      } finally {
        flushing--;
      }
    },
    close() {
      if (!closed) writeBuffered();
      closed = true;
      hurry?.();
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
