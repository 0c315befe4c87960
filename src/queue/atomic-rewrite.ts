import { closeSync, fsyncSync, openSync, renameSync, unlinkSync, writeSync } from "node:fs";
import { dirname } from "node:path";

/** Writes all of `data` at the file position, looping over short writes. */
export function writeFully(fd: number, data: string): void {
  const bytes = Buffer.from(data, "utf8");
  let offset = 0;
  while (offset < bytes.length) offset += writeSync(fd, bytes, offset);
}

/**
 * Replaces the file at `path` with `lines` so that a crash at any point leaves either the old
 * file or the new one, never a mix: write a temporary file beside it, fsync it, rename it over
 * the old one (atomic on one filesystem), then fsync the directory so the rename itself is on disk.
 */
export function rewriteAtomically(path: string, lines: Iterable<string>): void {
  const temp = `${path}.${process.pid}.tmp`;
  const fd = openSync(temp, "w");
  try {
    writeFully(fd, [...lines].join(""));
    fsyncSync(fd);
  } catch (err) {
    closeSync(fd);
    unlinkSync(temp);
    throw err;
  }
  closeSync(fd);
  renameSync(temp, path);
  syncDirectory(dirname(path));
}

function syncDirectory(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, "r");
    fsyncSync(fd);
  } catch {
    // Some filesystems (and Windows) refuse to fsync a directory; the rename is still atomic there.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
