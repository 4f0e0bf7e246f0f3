import type { FindingTable } from './finding.ts';

/** RFC 4180 field: quoted when it holds a comma, quote or line break; null is empty; numbers in full precision. */
function field(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A finding's table as CSV (header row, then one line per row), for pandas or a spreadsheet. */
export function findingTableCsv(table: FindingTable): string {
  return [table.columns, ...table.rows].map((row) => row.map(field).join(',')).join('\n') + '\n';
}
