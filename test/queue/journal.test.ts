import { appendFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { JournalWriteError, openJobJournal, type JobJournal } from "../../src/queue/job-journal.js";
import { jobIdOf } from "../../src/queue/review-job.js";
import { makeJob, recordingLogger } from "./queue-test-helpers.js";

let dir: string;
let path: string;
const opened: JobJournal[] = [];

/** Opens a journal on the test's file; every one is closed after the test. */
function open(options: Parameters<typeof openJobJournal>[1] = {}): JobJournal {
  const journal = openJobJournal(path, options);
  opened.push(journal);
  return journal;
}

const lines = () => readFileSync(path, "utf8").split("\n").filter(Boolean);
const deliveries = (journal: JobJournal) => journal.pending().map((job) => job.deliveryId);

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "patchwarden-journal-"));
  path = join(dir, "data", "queue.jsonl");
});
afterEach(async () => {
  for (const journal of opened.splice(0)) await journal.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("job journal", () => {
  it("gives back, after a crash, the jobs accepted and not done, in the order accepted", async () => {
    const first = open();
    const [a, b, c] = [makeJob({ pullNumber: 1 }), makeJob({ pullNumber: 2 }), makeJob({ pullNumber: 3 })];
    for (const job of [a, b, c]) first.accepted(job);
    first.done(jobIdOf(b), b.deliveryId);
    // No close, no flush: once written() settles, the records are in the file.
    await first.written();
    expect(lines()).toHaveLength(4);

    const second = open();
    expect(second.pending()).toEqual([a, c]);
    // Compacted on open: only the pending records are left.
    expect(lines().map((l) => JSON.parse(l).job.deliveryId)).toEqual([a.deliveryId, c.deliveryId]);
  });

  it("skips a last line cut short by a crash, and appends after it on a line of its own", async () => {
    const log = recordingLogger();
    const first = open();
    const [a, b] = [makeJob({ pullNumber: 1 }), makeJob({ pullNumber: 2 })];
    first.accepted(a);
    await first.written();
    appendFileSync(path, JSON.stringify({ t: "accepted", job: b }).slice(0, 40));

    const second = open({ log });
    expect(deliveries(second)).toEqual([a.deliveryId]);
    expect(log.lines).toEqual([{ level: "info", msg: "job journal opened", obj: expect.objectContaining({ pending: 1, skipped: 1 }) }]);
    const c = makeJob({ pullNumber: 3 });
    second.accepted(c);
    await second.close();
    expect(deliveries(open())).toEqual([a.deliveryId, c.deliveryId]);
  });

  it("replaces a pending delivery's record in place and writes an identical one once", async () => {
    const journal = open();
    const [a, b] = [makeJob({ pullNumber: 1 }), makeJob({ pullNumber: 2 })];
    journal.accepted(a);
    journal.accepted(b);
    journal.accepted(a);
    await journal.written();
    expect(lines()).toHaveLength(2);
    journal.accepted({ ...a, checkRunId: 42 });
    await journal.written();
    expect(lines()).toHaveLength(3);

    const reopened = open();
    expect(reopened.pending()).toEqual([{ ...a, checkRunId: 42 }, b]);
  });

  it("writes nothing for the end of a delivery it does not hold, nor after close", async () => {
    const journal = open();
    const a = makeJob();
    journal.done(jobIdOf(a), a.deliveryId);
    await journal.written();
    expect(lines()).toEqual([]);
    journal.accepted(a);
    journal.done(jobIdOf(a), a.deliveryId);
    journal.done(jobIdOf(a), a.deliveryId);
    await journal.written();
    expect(lines()).toHaveLength(2);
    expect(journal.pending()).toEqual([]);

    await journal.close();
    await journal.close();
    journal.accepted(makeJob());
    expect(lines()).toHaveLength(2);
  });

  it("compacts itself once it passes its record bound, through a temporary file", async () => {
    const journal = open({ maxRecords: 10 });
    const keep = makeJob({ pullNumber: 99 });
    journal.accepted(keep);
    for (let i = 0; i < 20; i++) {
      const job = makeJob({ pullNumber: i });
      journal.accepted(job);
      journal.done(jobIdOf(job), job.deliveryId);
    }
    await journal.flush();
    // 41 records were appended; the rewrite left the pending one plus what came after it.
    expect(lines().length).toBeLessThanOrEqual(10);
    expect(readdirSync(join(dir, "data"))).toEqual(["queue.jsonl"]);

    const more = makeJob({ pullNumber: 100 });
    journal.accepted(more);
    await journal.flush();
    expect(deliveries(open())).toEqual([keep.deliveryId, more.deliveryId]);
  });

  it("writes the records of one event-loop turn together, at the end of the turn", async () => {
    const journal = open({ maxRecords: 1_000_000 });
    const jobs = Array.from({ length: 2000 }, (_, i) => makeJob({ pullNumber: i }));
    for (const job of jobs) journal.accepted(job);
    // Nothing is written while the turn goes on; written() settles once all of it is.
    expect(lines()).toEqual([]);
    const settled = journal.written();
    expect(lines()).toEqual([]);
    await settled;
    expect(lines()).toHaveLength(2000);
    await expect(journal.written()).resolves.toBeUndefined();
  });

  it("spaces fsyncs under a stream of records, but a flush or a close does not wait for the next one", async () => {
    // A minute between fsyncs: only a flush or close that hurries the pending one can finish in time.
    const journal = open({ syncEveryMs: 60_000 });
    journal.accepted(makeJob({ pullNumber: 1 }));
    await journal.written();
    // The first fsync runs at once; the second record's has to wait its turn...
    journal.accepted(makeJob({ pullNumber: 2 }));
    await journal.written();
    expect(lines()).toHaveLength(2);
    // ...unless flushed.
    await journal.flush();
    journal.accepted(makeJob({ pullNumber: 3 }));
    await journal.close();
    expect(deliveries(open())).toHaveLength(3);
  });

  it("reports a failed write to those waiting on it, and writes those records again with the next ones", async () => {
    let fail = true;
    const journal = open({
      writeText: (fd, text) => {
        if (fail) throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
        writeSync(fd, text);
      },
    });
    const [a, b] = [makeJob({ pullNumber: 1 }), makeJob({ pullNumber: 2 })];
    journal.accepted(a);
    await expect(journal.written()).rejects.toThrow(JournalWriteError);
    expect(lines()).toEqual([]);
    fail = false;
    journal.accepted(b);
    await journal.written();
    expect(deliveries(open())).toEqual([a.deliveryId, b.deliveryId]);
  });

  it("writes what is still buffered when closed", async () => {
    const journal = open();
    const a = makeJob({ pullNumber: 1 });
    journal.accepted(a);
    await journal.close();
    expect(deliveries(open())).toEqual([a.deliveryId]);
  });

});
