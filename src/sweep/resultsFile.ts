/**
 * results.jsonl: one JSON object per finished point, each line added with one append-mode
 * `write` of the complete line(s), so after a kill a row is either whole or absent. The only
 * damage a crash can leave is a partial last line (a full disk, a power cut mid-write); reading
 * for a resume truncates it. Reading streams the file in chunks and keeps only a bitset of the
 * ids seen, so memory does not grow with the number of rows.
 */
import { closeSync, fstatSync, ftruncateSync, openSync, readSync, writeSync } from 'node:fs';
import type { Bitset } from './bitset.ts';
import type { SweepRow } from './evaluate.ts';
import { pointKey, pointValues } from './points.ts';
import type { Sweep } from './sweep.ts';

const CHUNK = 1 << 20;

/** Reads a file's complete lines one at a time, a chunk at a time (flat memory). */
export class LineReader {
  private readonly fd: number;
  private readonly buffer = Buffer.allocUnsafe(CHUNK);
  private pending: string[] = [];
  private carry = Buffer.alloc(0);
  private position = 0;
  private ended = false;
  /** Bytes of the complete lines read so far. */
  completeBytes = 0;
  /** 1-based number of the last line returned. */
  lineNumber = 0;

  constructor(file: string) {
    this.fd = openSync(file, 'r');
  }

  /** The next complete line (without its newline), or undefined at the end; a partial last line is never returned. */
  next(): string | undefined {
    while (this.pending.length === 0 && !this.ended) this.fill();
    const line = this.pending.shift();
    if (line !== undefined) this.lineNumber++;
    return line;
  }

  close(): void {
    closeSync(this.fd);
  }

  private fill(): void {
    const read = readSync(this.fd, this.buffer, 0, CHUNK, this.position);
    if (read === 0) {
      this.ended = true;
      return;
    }
    this.position += read;
    const data = Buffer.concat([this.carry, this.buffer.subarray(0, read)]);
    let start = 0;
    for (let newline = data.indexOf(10); newline >= 0; newline = data.indexOf(10, start)) {
      this.pending.push(data.toString('utf8', start, newline));
      this.completeBytes += newline + 1 - start;
      start = newline + 1;
    }
    this.carry = Buffer.from(data.subarray(start));
  }
}

/**
 * Calls `onLine` with each complete line of `file` (without its newline) and its 1-based number;
 * returns the byte length of the complete lines, so a trailing partial line starts there.
 */
export function forEachLine(file: string, onLine: (line: string, lineNumber: number) => void): number {
  const reader = new LineReader(file);
  try {
    for (let line = reader.next(); line !== undefined; line = reader.next()) onLine(line, reader.lineNumber);
    return reader.completeBytes;
  } finally {
    reader.close();
  }
}

/** Parses one results line and checks it belongs to `sweep` (id in range, key matching its values). */
export function parseRow(line: string, sweep: Sweep, where: string): SweepRow {
  let row: SweepRow;
  try {
    row = JSON.parse(line) as SweepRow;
  } catch {
    throw new Error(`${where}: not a JSON object`);
  }
  const id = row?.id;
  if (!Number.isInteger(id) || id < 0 || id >= sweep.points) throw new Error(`${where}: point id ${String(id)} is not in this sweep of ${sweep.points} points`);
  if (row.key !== pointKey(pointValues(sweep.axes, id))) {
    throw new Error(`${where}: point ${id} has other parameter values than this sweep's point ${id}; the file belongs to another sweep`);
  }
  return row;
}

/**
 * Reads the finished points of a results file into `done` (resume). Truncates a trailing
 * partial line; throws on a corrupt or foreign line, or a point recorded twice.
 */
export function readDone(file: string, sweep: Sweep, done: Bitset): { rows: number; truncatedBytes: number } {
  let rows = 0;
  const complete = forEachLine(file, (line, n) => {
    const row = parseRow(line, sweep, `${file} line ${n}`);
    if (!done.add(row.id)) throw new Error(`${file} line ${n}: point ${row.id} is recorded twice`);
    rows++;
  });
  const fd = openSync(file, 'r+');
  try {
    const size = fstatSync(fd).size;
    if (size > complete) ftruncateSync(fd, complete);
    return { rows, truncatedBytes: size - complete };
  } finally {
    closeSync(fd);
  }
}

/** An append-only results file: each `append` is one write of complete lines. */
export class ResultsAppender {
  private readonly fd: number;

  constructor(file: string) {
    this.fd = openSync(file, 'a');
  }

  append(text: string): void {
    const bytes = Buffer.from(text, 'utf8');
    // A regular file takes the whole buffer in one write; the loop only guards the exotic cases.
    let written = 0;
    while (written < bytes.length) written += writeSync(this.fd, bytes, written);
  }

  close(): void {
    closeSync(this.fd);
  }
}
