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

/**
 * Calls `onLine` with each complete line of `file` (without its newline) and its 1-based number;
 * returns the byte length of the complete lines, so a trailing partial line starts there.
 */
export function forEachLine(file: string, onLine: (line: string, lineNumber: number) => void): number {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.allocUnsafe(CHUNK);
    let carry = Buffer.alloc(0);
    let position = 0;
    let complete = 0;
    let lineNumber = 0;
    for (;;) {
      const read = readSync(fd, buffer, 0, CHUNK, position);
      if (read === 0) break;
      position += read;
      let data = Buffer.concat([carry, buffer.subarray(0, read)]);
      let newline = data.indexOf(10);
      while (newline >= 0) {
        onLine(data.toString('utf8', 0, newline), ++lineNumber);
        complete += newline + 1;
        data = data.subarray(newline + 1);
        newline = data.indexOf(10);
      }
      carry = Buffer.from(data);
    }
    return complete;
  } finally {
    closeSync(fd);
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
