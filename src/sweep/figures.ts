/**
 * Figures of a finished sweep: for two swept parameters a heatmap per metric (the last parameter
 * across, the first up), for one a line plot per metric against it (log x for a log range). The
 * specs come from report/charts (heatmapSpec, linePlotSpec) and are drawn as SVG and PNG beside
 * the results. Sweeps of three or more parameters, or of text values, get no figures.
 */
import { join } from 'node:path';
import type { TopLevelSpec } from 'vega-lite';
import { heatmapSpec } from '../report/charts/heatmap.ts';
import { linePlotSpec } from '../report/charts/linePlot.ts';
import { renderSvg, svgToPng } from '../report/charts/render.ts';
import type { ChartRow } from '../report/charts/specData.ts';
import { specFile } from '../report/charts/specFile.ts';
import { provenance as provenanceNow, type Provenance } from '../report/provenance.ts';
import { writeFileAtomically } from './outputDir.ts';
import { forEachLine, parseRow } from './resultsFile.ts';
import type { Sweep } from './sweep.ts';

/** One figure to draw: its file name (without extension) and its Vega-Lite spec. */
export interface SweepFigure {
  name: string;
  spec: TopLevelSpec;
}

/** The rows of a results file as chart rows: each swept path and each metric by name. */
export function readChartRows(sweep: Sweep, file: string): ChartRow[] {
  const rows: ChartRow[] = [];
  forEachLine(file, (line, n) => {
    const row = parseRow(line, sweep, `${file} line ${n}`);
    const chartRow: Record<string, number | null> = {};
    for (const path of sweep.paths) chartRow[path] = typeof row.params[path] === 'number' ? (row.params[path] as number) : null;
    for (const metric of sweep.metrics) chartRow[metric] = row.metrics?.[metric] ?? null;
    rows.push(chartRow);
  });
  return rows;
}

/** Why a sweep gets no figures, or undefined if it does. */
export function whyNoFigures(sweep: Sweep): string | undefined {
  if (sweep.axes.length > 2) return `figures need one or two swept parameters; ${sweep.name} has ${sweep.axes.length}`;
  const text = sweep.axes.find((a) => a.values.some((v) => typeof v !== 'number'));
  if (text) return `figures need numeric parameters; ${text.path} takes text values`;
  return undefined;
}

/** The figure specs of a sweep's results (none if whyNoFigures says so). */
export function sweepFigures(sweep: Sweep, rows: readonly ChartRow[]): SweepFigure[] {
  if (whyNoFigures(sweep) !== undefined) return [];
  const label = (name: string) => sweep.labels[name] ?? name;
  const [first, second] = sweep.axes;
  return sweep.metrics.map((metric) => {
    const title = `${sweep.name}: ${label(metric)}`;
    const log = sweep.logMetrics.includes(metric);
    const spec =
      second === undefined
        ? linePlotSpec({ rows, x: first.path, y: metric, title, xLabel: label(first.path), yLabel: label(metric), logX: first.log, logY: log })
        : withColourScale(heatmapSpec({
            rows,
            x: second.path,
            y: first.path,
            value: metric,
            title,
            xLabel: label(second.path),
            yLabel: label(first.path),
            valueLabel: label(metric),
          }), log);
    return { name: metric, spec };
  });
}

/**
 * A heatmap spec with a log colour scale when asked for. heatmapSpec has no option for it, so
 * the scale type is set on the (plain JSON) spec it returns.
 */
function withColourScale(spec: TopLevelSpec, log: boolean): TopLevelSpec {
  if (!log) return spec;
  const { encoding } = spec as { encoding: { color: { scale?: object } } };
  return { ...spec, encoding: { ...encoding, color: { ...encoding.color, scale: { ...encoding.color.scale, type: 'log' } } } } as TopLevelSpec;
}

/**
 * Draws the sweep's figures from `resultsFile` into `dir` as <metric>.svg, <metric>.png and the
 * Vega-Lite spec <metric>.vl.json (with provenance); returns the files.
 */
export async function writeSweepFigures(sweep: Sweep, resultsFile: string, dir: string, provenance: Provenance = provenanceNow({ runs: sweep.points })): Promise<string[]> {
  const figures = sweepFigures(sweep, readChartRows(sweep, resultsFile));
  const written: string[] = [];
  for (const figure of figures) {
    const svg = await renderSvg(figure.spec);
    const files = { svg, png: svgToPng(svg), 'vl.json': specFile(figure.spec, provenance) };
    for (const [ext, data] of Object.entries(files)) {
      writeFileAtomically(join(dir, `${figure.name}.${ext}`), data);
      written.push(join(dir, `${figure.name}.${ext}`));
    }
  }
  return written;
}
