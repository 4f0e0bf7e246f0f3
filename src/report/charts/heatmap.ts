/**
 * A heatmap of a sweep over two parameters: one cell per (x, y) grid point, coloured by `value`.
 * x and y are ordinal, so every grid point gets an equal cell whether the grid is linear or
 * log-spaced; the larger y is at the top, as on a plot. Missing values (null, NaN) show as grey.
 * Pure: returns plain JSON that vega renders in Node or in the browser.
 */
import type { ColorScheme } from 'vega';
import type { TopLevelSpec } from 'vega-lite';
import { chartConfig } from './theme.ts';
import { distinctSorted, finiteOrNull, labelFormat, thinned, type ChartRow } from './specData.ts';

export interface HeatmapOptions {
  rows: readonly ChartRow[];
  /** Field of the columns. */
  x: string;
  /** Field of the rows of cells. */
  y: string;
  /** Field that colours the cells. */
  value: string;
  title: string;
  /** Axis and legend titles; default the field names. */
  xLabel?: string;
  yLabel?: string;
  valueLabel?: string;
  /** A vega colour scheme name. Default 'viridis' (perceptually uniform, colour-blind safe). */
  scheme?: ColorScheme;
}

const WIDTH = 600;
const HEIGHT = 400;
// About this many labels per axis; a 100-column grid labels every tenth column.
const MAX_AXIS_LABELS = 10;

export function heatmapSpec(options: HeatmapOptions): TopLevelSpec {
  const { rows, x, y, value, title } = options;
  const xs = distinctSorted(rows, x);
  const ys = distinctSorted(rows, y);
  const values = rows
    .map((row) => ({ x: finiteOrNull(row[x]), y: finiteOrNull(row[y]), value: finiteOrNull(row[value]) }))
    .filter((cell) => cell.x !== null && cell.y !== null);
  const xTitle = options.xLabel ?? x;
  const yTitle = options.yLabel ?? y;
  const valueTitle = options.valueLabel ?? value;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title,
    width: WIDTH,
    height: HEIGHT,
    // The grey view shows through where a cell has no value.
    config: { ...chartConfig(), view: { fill: '#dddddd', stroke: null } },
    data: { values },
    mark: { type: 'rect', width: { band: overlapBand(WIDTH, xs.length) }, height: { band: overlapBand(HEIGHT, ys.length) } },
    encoding: {
      x: axisChannel(xs, xTitle, 'ascending'),
      y: axisChannel(ys, yTitle, 'descending'),
      color: {
        field: 'value',
        type: 'quantitative',
        title: valueTitle,
        scale: { scheme: options.scheme ?? 'viridis' },
        legend: { gradientLength: 300, gradientThickness: 16 },
      },
      tooltip: [
        { field: 'x', type: 'quantitative', title: xTitle },
        { field: 'y', type: 'quantitative', title: yTitle },
        { field: 'value', type: 'quantitative', title: valueTitle },
      ],
    },
  };
}

/**
 * The cell size, in bands, that makes neighbouring cells overlap by CELL_OVERLAP pixels: at least
 * a pixel of the PNG, so no anti-aliased seam lets the background show between cells.
 */
function overlapBand(length: number, cells: number): number {
  return 1 + CELL_OVERLAP / (length / Math.max(cells, 1));
}

const CELL_OVERLAP = 1.5;

function axisChannel(domain: number[], title: string, order: 'ascending' | 'descending') {
  return {
    field: order === 'ascending' ? 'x' : 'y',
    type: 'ordinal' as const,
    title,
    scale: { domain: order === 'ascending' ? domain : [...domain].reverse(), paddingInner: 0, paddingOuter: 0 },
    axis: { values: thinned(domain, MAX_AXIS_LABELS), format: labelFormat(domain), formatType: 'number' as const, labelAngle: 0, grid: false },
  };
}
