/**
 * A line plot of sweep results against one parameter: either one line (`y`) or one line per
 * column named in `series`, with a legend. Missing values (null, NaN) break the line rather than
 * bridging the gap; on a log axis, non-positive values are missing too. Pure: plain JSON.
 */
import type { TopLevelSpec } from 'vega-lite';
import { chartConfig } from './theme.ts';
import { distinctSorted, finiteOrNull, type ChartRow } from './specData.ts';

interface LinePlotCommon {
  rows: readonly ChartRow[];
  /** Field on the x axis. */
  x: string;
  title: string;
  /** Axis titles; default the x field, and the y field or "Value". */
  xLabel?: string;
  yLabel?: string;
  /** Logarithmic axes, for log-spaced parameters or values spanning decades. Default false. */
  logX?: boolean;
  logY?: boolean;
}

export type LinePlotOptions =
  | (LinePlotCommon & { /** Fields drawn as lines, named in the legend as they are. */ series: readonly string[] })
  | (LinePlotCommon & { /** The one field drawn. */ y: string });

// Okabe–Ito: colour-blind-safe hues for up to eight series.
const SERIES_COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#F0E442', '#000000'];
// Marks each point when there are few enough to tell apart.
const MAX_POINTS_MARKED = 30;

export function linePlotSpec(options: LinePlotOptions): TopLevelSpec {
  const { rows, x, title, logX = false, logY = false } = options;
  const fields = 'series' in options ? [...options.series] : [options.y];
  const positive = (v: number | null) => (v !== null && v <= 0 ? null : v);
  const values = rows.flatMap((row) => {
    const xValue = logX ? positive(finiteOrNull(row[x])) : finiteOrNull(row[x]);
    if (xValue === null) return [];
    return fields.map((field) => {
      const value = finiteOrNull(row[field]);
      return { x: xValue, series: field, value: logY ? positive(value) : value };
    });
  });
  const many = 'series' in options;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title,
    width: 640,
    height: 320,
    config: chartConfig(),
    data: { values },
    mark: {
      type: 'line',
      strokeWidth: 2.5,
      point: distinctSorted(rows, x).length <= MAX_POINTS_MARKED,
      invalid: 'break-paths-filter-domains',
    },
    encoding: {
      x: { field: 'x', type: 'quantitative', title: options.xLabel ?? x, scale: { type: logX ? 'log' : 'linear', nice: false } },
      y: { field: 'value', type: 'quantitative', title: options.yLabel ?? (many ? 'Value' : fields[0]), scale: { type: logY ? 'log' : 'linear' } },
      ...(many
        ? { color: { field: 'series', type: 'nominal', title: null, scale: seriesScale(fields) } }
        : { color: { value: SERIES_COLOURS[0] } }),
    },
  };
}

function seriesScale(fields: string[]) {
  // Past eight series, vega's twenty-colour palette rather than repeated hues.
  return fields.length <= SERIES_COLOURS.length
    ? { domain: fields, range: SERIES_COLOURS.slice(0, fields.length) }
    : { domain: fields, scheme: 'category20' as const };
}
