/**
 * writeFindings(dir, findings) writes each finding's table beside its figures, as CSV and in its
 * JSON, cell for cell; checked on the regularizer's phase diagrams and the misconception's sweep.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { misconceptionFinding } from '../../src/findings/misconception.ts';
import { regularizerFinding } from '../../src/findings/regularizer.ts';
import { writeFindings } from '../../src/findings/writeFindings.ts';

/** RFC 4180 records: fields split on commas outside quotes, "" inside quotes a quote. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') field += text[++i];
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\n') {
      records.push([...record, field]);
      [record, field] = [[], ''];
    } else field += c;
  }
  return records;
}

/** A cell as the CSV holds it: numbers in full precision, null empty. */
const cell = (value: string | number | null) => (value === null ? '' : String(value));

describe('writeFindings(dir, findings)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mesalab-findings-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes every table row of the regularizer and misconception findings as CSV and JSON beside the figures', async () => {
    const reports = await writeFindings(dir, [regularizerFinding, misconceptionFinding]);
    for (const finding of [regularizerFinding, misconceptionFinding]) {
      const { table, figures } = reports.get(finding.name)!;
      const csv = parseCsv(readFileSync(join(dir, 'findings', `${finding.name}.csv`), 'utf8'));
      expect(csv).toEqual([[...table.columns], ...table.rows.map((row) => row.map(cell))]);
      const json = JSON.parse(readFileSync(join(dir, 'findings', `${finding.name}.json`), 'utf8'));
      expect(json.table).toEqual(table);
      expect(json.tableCsv).toBe(`${finding.name}.csv`);
      for (const figure of figures) expect(readFileSync(join(dir, 'findings', `${finding.name}-${figure.id}.vl.json`), 'utf8').length).toBeGreaterThan(0);
    }
  }, 120_000);
});
