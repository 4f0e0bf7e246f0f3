// `mesalab/report`: drawing and writing figures and output folders. These load the figure stack
// (vega, vega-lite, @resvg/resvg-js, dejavu-fonts-ttf: optional peer dependencies), which is why
// they live apart from the main entry. The figure specs themselves (plain Vega-Lite objects) are
// in the main entry too.

export { renderSvg, svgToPng, dejavuFontFiles, type PngOptions } from './charts/render.ts';
export { seedFigureSpec } from './charts/seedFigure.ts';
export { runFigureSpec } from './charts/runFigure.ts';
export { gameFigureSpec } from './charts/gameFigure.ts';
export { heatmapSpec } from './charts/heatmap.ts';
export { linePlotSpec } from './charts/linePlot.ts';
export { writeRunOutputs, RUN_OUTPUT_FILES } from './writeRunOutputs.ts';
export { writeGameOutputs } from './writeGameOutputs.ts';
export { writeSweepFigures, sweepFigures, type SweepFigure } from '../sweep/figures.ts';
export { writeFindings } from '../findings/writeFindings.ts';
