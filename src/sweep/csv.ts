/**
 * results.csv: the rows of a finished results.jsonl, one line per point in the same order, with
 * the columns id, key, the swept paths, the metrics, error. Streamed through a temporary file
 * that is renamed over the target, so the CSV is complete or absent, and memory stays flat.
 */
import { closeSync, fsyncSync, openSync, renameSync, writeSync } from 'node:fs';
import { forEachLine, parseRow } from './resultsFile.ts';
import type { Sweep } from './sweep.ts';

export function writeResultsCsv(jsonlFile: string, csvFile: string, sweep: Sweep): void {
  const temporary = `${csvFile}.${process.pid}.tmp`;
  const fd = openSync(temporary, 'w');
  try {
    let pending = `${['id', 'key', ...sweep.paths, ...sweep.metrics, 'error'].map(csvField).join(',')}\n`;
    forEachLine(jsonlFile, (line, n) => {
      const row = parseRow(line, sweep, `${jsonlFile} line ${n}`);
      const fields = [
        row.id,
        row.key,
        ...sweep.paths.map((p) => row.params[p]),
        ...sweep.metrics.map((m) => row.metrics?.[m] ?? ''),
        row.error ?? '',
      ];
      pending += `${fields.map(csvField).join(',')}\n`;
      if (pending.length > 1 << 16) {
        writeSync(fd, pending);
        pending = '';
      }
    });
    writeSync(fd, pending);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, csvFile);
}

/** A CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break. */
function csvField(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
