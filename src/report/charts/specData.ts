/** Helpers that turn sweep rows into the plain JSON data of a Vega-Lite spec. */

/** A row of a sweep: named numbers, null where a run had no value. */
export type ChartRow = Readonly<Record<string, number | null>>;

/** `v` if it is a finite number, else null: NaN and ±Infinity are not JSON and not plottable. */
export function finiteOrNull(v: number | null | undefined): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/** The distinct finite values of `field` across `rows`, ascending. */
export function distinctSorted(rows: readonly ChartRow[], field: string): number[] {
  const values = new Set<number>();
  for (const row of rows) {
    const v = finiteOrNull(row[field]);
    if (v !== null) values.add(v);
  }
  return [...values].sort((a, b) => a - b);
}

/** At most about `count` of `values`, evenly spaced by index, always starting with the first. */
export function thinned(values: readonly number[], count: number): number[] {
  const step = Math.max(1, Math.ceil(values.length / count));
  return values.filter((_, i) => i % step === 0);
}

/** A d3 number format for axis labels: whole numbers as they are, others to 3 significant digits. */
export function labelFormat(values: readonly number[]): string {
  // '~r' is decimal notation (never 1e+3) with trailing zeros trimmed.
  return values.every(Number.isInteger) ? 'd' : '.3~r';
}
