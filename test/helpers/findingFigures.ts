/** The data points a finding's figure draws: its Vega-Lite spec's inline values (x, series or y, value). */
import type { FindingReport } from '../../src/findings/finding.ts';

export type FigurePoint = Readonly<Record<string, string | number | null>>;

export function figurePoints(report: FindingReport, id: string): FigurePoint[] {
  const figure = report.figures.find((f) => f.id === id);
  if (!figure) throw new Error(`no figure ${id}; the report has ${report.figures.map((f) => f.id).join(', ')}`);
  const data = (figure.spec as { data?: { values?: FigurePoint[] } }).data;
  if (!data?.values) throw new Error(`figure ${id} has no inline data`);
  return data.values;
}
