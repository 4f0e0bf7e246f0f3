/**
 * The sweep tab's heatmap (Vega-Lite): one cell per (x, y) point of a sweep, coloured by a
 * metric, the larger y at the top. Sized to the page: each axis labels only as many cells as fit
 * without running together (about one label per 56 px across, 22 px up). Hovering a cell shows
 * its values; clicking it selects it (the `picked` selection), which opens that point's
 * trajectory. Cells without a value show the grey background.
 */
import type { TopLevelSpec } from 'vega-lite';
import { CHART_FONT } from './chartSpec.ts';

export interface HeatmapCell {
  readonly x: number;
  readonly y: number;
  readonly value: number | null;
}

export interface HeatmapInput {
  readonly cells: readonly HeatmapCell[];
  readonly title: string;
  readonly xTitle: string;
  readonly yTitle: string;
  readonly valueTitle: string;
  /** Width of the whole chart in pixels. */
  readonly width: number;
}

const LABEL_SPACING = { x: 56, y: 22 };

export function sweepHeatmapSpec(input: HeatmapInput): TopLevelSpec {
  const xs = [...new Set(input.cells.map((c) => c.x))].sort((a, b) => a - b);
  const ys = [...new Set(input.cells.map((c) => c.y))].sort((a, b) => a - b);
  const narrow = input.width < 560;
  // The legend goes below on a phone, so the cells get the width.
  const plotWidth = Math.max(160, input.width - (narrow ? 80 : 190));
  const plotHeight = Math.max(200, Math.min(440, Math.round(plotWidth * 0.7)));
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: input.title, subtitle: 'click a cell to open its trajectory' },
    width: plotWidth,
    height: plotHeight,
    config: {
      font: CHART_FONT,
      view: { fill: '#dddddd', stroke: null },
      axis: { labelFontSize: 11, titleFontSize: 12 },
      title: { fontSize: 14, subtitleFontSize: 12, subtitleColor: '#555b63', anchor: 'start' },
    },
    data: { values: [...input.cells] },
    params: [{ name: 'picked', select: { type: 'point', fields: ['x', 'y'], on: 'click', clear: false } }],
    mark: { type: 'rect', cursor: 'pointer' },
    encoding: {
      x: axis('x', xs, input.xTitle, plotWidth / LABEL_SPACING.x, false),
      y: axis('y', ys, input.yTitle, plotHeight / LABEL_SPACING.y, true),
      color: {
        field: 'value',
        type: 'quantitative',
        title: input.valueTitle,
        scale: { scheme: 'viridis' },
        legend: narrow ? { orient: 'bottom', direction: 'horizontal', gradientLength: Math.min(260, plotWidth - 20) } : { gradientLength: Math.min(300, plotHeight) },
      },
      stroke: { condition: { param: 'picked', empty: false, value: '#ff2d55' }, value: null },
      strokeWidth: { value: 2 },
      tooltip: [
        { field: 'x', type: 'quantitative', title: input.xTitle, format: '.4~g' },
        { field: 'y', type: 'quantitative', title: input.yTitle, format: '.4~g' },
        { field: 'value', type: 'quantitative', title: input.valueTitle, format: '.4~g' },
      ],
    },
  } as unknown as TopLevelSpec;
}

/** An ordinal axis over the sorted values, labelling every k-th so that at most `labels` show. */
function axis(field: 'x' | 'y', values: readonly number[], title: string, labels: number, descending: boolean) {
  const step = Math.max(1, Math.ceil(values.length / Math.max(2, Math.floor(labels))));
  const shown = values.filter((_, i) => i % step === 0);
  const whole = values.every(Number.isInteger);
  return {
    field,
    type: 'ordinal',
    title,
    scale: { domain: descending ? [...values].reverse() : [...values], paddingInner: 0, paddingOuter: 0 },
    axis: { values: shown, format: whole ? 'd' : '.3~r', formatType: 'number', labelAngle: 0, grid: false, labelOverlap: true },
  };
}
