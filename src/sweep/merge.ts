/**
 * Joining the results of shards (or of any set of results files of one sweep) into one
 * results.jsonl in point order, after checking that every point is present exactly once. A
 * first pass keeps only a bitset of the ids seen; the second merges the files, which the sweep
 * writes in point order, line by line (a file out of order is joined in memory instead).
 */
import { closeSync, fsyncSync, openSync, renameSync, writeSync } from 'node:fs';
import { basename } from 'node:path';
import { Bitset } from './bitset.ts';
import { LineReader, parseRow } from './resultsFile.ts';
import { shardOf } from './shard.ts';
import type { Sweep } from './sweep.ts';

/** Points missing or recorded more than once, found by `checkResults`. */
export interface CoverageReport {
  points: number;
  present: number;
  /** The first missing ids (up to `limit`), ascending. */
  missing: number[];
  missingCount: number;
  /** Recorded twice or more: id and where (file:line) each copy is, up to `limit` of them. */
  duplicates: { id: number; at: string[] }[];
  duplicateCount: number;
  /** Whether every file lists its points in ascending id order. */
  sorted: boolean;
}

/** Reads every file and reports which points are missing or duplicated (a second pass locates duplicates). */
export function checkResults(sweep: Sweep, files: readonly string[], limit = 20): CoverageReport {
  const seen = new Bitset(sweep.points);
  const duplicated = new Set<number>();
  let duplicateCount = 0;
  let sorted = true;
  for (const file of files) {
    let last = -1;
    eachRow(file, sweep, (id) => {
      if (id <= last) sorted = false;
      last = id;
      if (seen.add(id)) return;
      duplicateCount++;
      if (duplicated.size < limit) duplicated.add(id);
    });
  }
  const locations = new Map<number, string[]>([...duplicated].map((id) => [id, []]));
  if (duplicated.size > 0) for (const file of files) eachRow(file, sweep, (id, where) => locations.get(id)?.push(where));
  const missing: number[] = [];
  for (let id = 0; id < sweep.points && missing.length < limit; id++) if (!seen.has(id)) missing.push(id);
  return {
    points: sweep.points,
    present: seen.count,
    missing,
    missingCount: sweep.points - seen.count,
    duplicates: [...locations].map(([id, at]) => ({ id, at })),
    duplicateCount,
    sorted,
  };
}

function eachRow(file: string, sweep: Sweep, onRow: (id: number, where: string) => void): void {
  const reader = new LineReader(file);
  try {
    for (let line = reader.next(); line !== undefined; line = reader.next()) {
      const where = `${basename(file)}:${reader.lineNumber}`;
      onRow(parseRow(line, sweep, where).id, where);
    }
  } finally {
    reader.close();
  }
}

/** A one-paragraph account of what is wrong, naming the missing points and their shards. */
export function describeProblems(report: CoverageReport, shardCount?: number): string {
  const parts: string[] = [];
  if (report.missingCount > 0) {
    const more = report.missingCount > report.missing.length ? ', …' : '';
    const list = report.missing.map((id) => (shardCount ? `${id} (shard ${shardOf(id, shardCount)}/${shardCount})` : String(id))).join(', ');
    parts.push(`${report.missingCount} of ${report.points} points missing: ids ${list}${more}`);
    if (shardCount) parts.push(`shards with missing points: ${missingShards(report, shardCount).join(', ')}`);
  }
  if (report.duplicateCount > 0) {
    const list = report.duplicates.map((d) => `${d.id} (${d.at.join(', ')})`).join('; ');
    const rows = report.duplicateCount === 1 ? 'row repeats a point' : 'rows repeat points';
    parts.push(`${report.duplicateCount} ${rows}: ids ${list}${report.duplicateCount > report.duplicates.length ? '; …' : ''}`);
  }
  return parts.join('; ');
}

/** The shards ("2/8") of the missing points listed in the report (all of them unless the list was cut). */
export function missingShards(report: CoverageReport, shardCount: number): string[] {
  const shards = new Set(report.missing.map((id) => shardOf(id, shardCount)));
  return [...shards].sort((a, b) => a - b).map((s) => `${s}/${shardCount}`);
}

/**
 * Writes the rows of `files` to `output` in point order, through a temporary file renamed over
 * it. Assumes checkResults found every point exactly once.
 */
export function mergeFiles(sweep: Sweep, files: readonly string[], output: string, sorted: boolean): void {
  const temporary = `${output}.${process.pid}.tmp`;
  const fd = openSync(temporary, 'w');
  try {
    if (sorted) mergeSorted(sweep, files, fd);
    else mergeInMemory(sweep, files, fd);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, output);
}

/** Each file ascending and the ids exactly 0 … P−1: the next id is always at the head of some file. */
function mergeSorted(sweep: Sweep, files: readonly string[], fd: number): void {
  const readers = files.map((f) => new LineReader(f));
  try {
    const heads = new Map<number, { reader: LineReader; line: string }>();
    const advance = (reader: LineReader) => {
      const line = reader.next();
      if (line !== undefined) heads.set(parseRow(line, sweep, 'merge').id, { reader, line });
    };
    readers.forEach(advance);
    let pending = '';
    for (let id = 0; id < sweep.points; id++) {
      const head = heads.get(id)!;
      heads.delete(id);
      pending += `${head.line}\n`;
      if (pending.length > 1 << 16) {
        writeSync(fd, pending);
        pending = '';
      }
      advance(head.reader);
    }
    writeSync(fd, pending);
  } finally {
    readers.forEach((r) => r.close());
  }
}

function mergeInMemory(sweep: Sweep, files: readonly string[], fd: number): void {
  const lines = new Array<string>(sweep.points);
  for (const file of files) {
    const reader = new LineReader(file);
    try {
      for (let line = reader.next(); line !== undefined; line = reader.next()) lines[parseRow(line, sweep, file).id] = line;
    } finally {
      reader.close();
    }
  }
  for (let start = 0; start < lines.length; start += 4096) writeSync(fd, `${lines.slice(start, start + 4096).join('\n')}\n`);
}
