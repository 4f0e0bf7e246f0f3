/**
 * A sweep results file (JSON Lines from `mesalab sweep`: one object per point with its parameters
 * and metrics) as a table of numbers for the heatmap. Nested objects are flattened to dotted keys
 * (`metrics.firstCoefficient`); lists and text are dropped; a line that is not a JSON object is
 * skipped and reported, not fatal.
 */

/** A results line as named numbers (null where it has no value). */
export type ChartRow = Readonly<Record<string, number | null>>;

export interface SweepTable {
  readonly rows: readonly ChartRow[];
  /** Keys whose every value is a finite number or null, in order of first appearance. */
  readonly numericKeys: readonly string[];
  /** 1-based numbers of the lines that were not JSON objects. */
  readonly skippedLines: readonly number[];
}

export function parseSweepLines(text: string): SweepTable {
  const flatRows: Record<string, unknown>[] = [];
  const skippedLines: number[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === '') return;
    try {
      const value: unknown = JSON.parse(line);
      if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('not an object');
      flatRows.push(flatten(value as Record<string, unknown>));
    } catch {
      skippedLines.push(index + 1);
    }
  });
  const numericKeys = numericKeysOf(flatRows);
  const rows = flatRows.map((row) => Object.fromEntries(numericKeys.map((k) => [k, typeof row[k] === 'number' ? row[k] : null])));
  return { rows, numericKeys, skippedLines };
}

/** `{a: {b: 1}, c: 2}` → `{'a.b': 1, c: 2}`; lists are kept whole (and later dropped). */
export function flatten(object: Record<string, unknown>, prefix = ''): Record<string, unknown> {
  const flat: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(object)) {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) Object.assign(flat, flatten(value as Record<string, unknown>, path));
    else flat[path] = value;
  }
  return flat;
}

function numericKeysOf(rows: readonly Record<string, unknown>[]): string[] {
  const seen = new Map<string, boolean>();
  for (const row of rows) {
    for (const [key, value] of Object.entries(row)) {
      const numeric = value === null || (typeof value === 'number' && Number.isFinite(value));
      seen.set(key, (seen.get(key) ?? true) && numeric);
    }
  }
  // A key that is null everywhere has nothing to plot.
  return [...seen].filter(([key, numeric]) => numeric && rows.some((r) => typeof r[key] === 'number')).map(([key]) => key);
}

/**
 * Initial heatmap axes, as `mesalab sweep` draws its own figures: the swept parameters (the
 * `params.` keys of a results line, in axis order) with the first on y and the second on x, and
 * the colour the first coefficient if the file has it, else its first metric. Files of another
 * shape get the first keys that vary (never the point's `id`).
 */
/** The heatmap's keys: x and y axes and the colour. */
export interface SweepAxes {
  readonly x: string;
  readonly y: string;
  readonly value: string;
}

/** The default axes, with each `preferred` key (e.g. from a shared link) the table has in its place. */
export function chooseAxes(table: SweepTable, preferred: Partial<SweepAxes>): SweepAxes {
  const axes = defaultAxes(table);
  const usable = (key: string | undefined): key is string => key !== undefined && table.numericKeys.includes(key);
  return {
    x: usable(preferred.x) ? preferred.x : axes.x,
    y: usable(preferred.y) ? preferred.y : axes.y,
    value: usable(preferred.value) ? preferred.value : axes.value,
  };
}

export function defaultAxes(table: SweepTable): SweepAxes {
  const keys = table.numericKeys;
  const varies = (k: string) => new Set(table.rows.map((r) => r[k])).size > 1;
  const params = keys.filter((k) => k.startsWith('params.') && varies(k));
  const others = keys.filter((k) => k !== 'id' && !k.startsWith('metrics.') && varies(k));
  const axes = params.length >= 2 ? params : others.length >= 2 ? others : keys;
  const y = axes[0] ?? '';
  const x = axes[1] ?? y;
  const metric = keys.find((k) => /(^|\.)firstCoefficient$/.test(k)) ?? keys.find((k) => k.startsWith('metrics.'));
  const value = metric ?? others.find((k) => k !== x && k !== y) ?? x;
  return { x, y, value };
}

/** One cell of the heatmap: its x and y, the mean value, and the first results row in it. */
export interface Cell {
  readonly x: number;
  readonly y: number;
  readonly value: number | null;
  /** Index in the table's rows of the cell's first row (clicking the cell opens that point). */
  readonly row: number;
}

/**
 * One cell per (x, y), `value` the mean over the rows of that cell (a sweep over more than two
 * parameters has several), and the most rows any cell had.
 */
export function cellMeans(rows: readonly ChartRow[], x: string, y: string, value: string): { cells: Cell[]; maxPerCell: number } {
  const cells = new Map<string, { x: number; y: number; sum: number; count: number; rows: number; first: number }>();
  rows.forEach((row, index) => {
    const rx = row[x];
    const ry = row[y];
    if (rx === null || ry === null || rx === undefined || ry === undefined) return;
    const key = `${rx}|${ry}`;
    const cell = cells.get(key) ?? { x: rx, y: ry, sum: 0, count: 0, rows: 0, first: index };
    cell.rows++;
    const v = row[value];
    if (typeof v === 'number') {
      cell.sum += v;
      cell.count++;
    }
    cells.set(key, cell);
  });
  const out = [...cells.values()].map((c) => ({ x: c.x, y: c.y, value: c.count > 0 ? c.sum / c.count : null, row: c.first }));
  return { cells: out, maxPerCell: Math.max(0, ...[...cells.values()].map((c) => c.rows)) };
}

/** The swept config paths and values of a results row: `params.schedule.training` → `schedule.training`. */
export function pointParams(row: ChartRow): Record<string, number> {
  const params: Record<string, number> = {};
  for (const [key, value] of Object.entries(row)) if (key.startsWith('params.') && value !== null) params[key.slice('params.'.length)] = value;
  return params;
}
