// `mesalab/report`: the figures' Vega-Lite specs, drawing them, and writing output folders.
// Drawing loads the figure stack (vega, vega-lite, @resvg/resvg-js, dejavu-fonts-ttf: optional
// peer dependencies), and the spec builders' declarations use vega-lite's types, which is why they
// live apart from the main entry (whose declarations need no vega-lite).

export { renderSvg, svgToPng, dejavuFontFiles, type PngOptions } from './charts/render.ts';
export type { FigureSpec } from './charts/figureSpec.ts';
export { seedFigureSpec } from './charts/seedFigure.ts';
export { runFigureSpec } from './charts/runFigure.ts';
export { gameFigureSpec } from './charts/gameFigure.ts';
export { heatmapSpec } from './charts/heatmap.ts';
export { linePlotSpec } from './charts/linePlot.ts';
export { writeRunOutputs, RUN_OUTPUT_FILES } from './writeRunOutputs.ts';
export { writeGameOutputs } from './writeGameOutputs.ts';
export { writeSweepFigures, sweepFigures, type SweepFigure } from '../sweep/figures.ts';
export { writeFindings } from '../findings/writeFindings.ts';
