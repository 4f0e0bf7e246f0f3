/**
 * Node rendering of Vega-Lite specs: spec → Vega → SVG (vega's headless 'none' renderer, no canvas
 * package, no browser) → PNG (resvg, with the bundled DejaVu fonts and no system fonts, so a
 * figure renders the same on every machine).
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import type { TopLevelSpec } from 'vega-lite';
import type { FigureSpec } from './figureSpec.ts';
import { measureTextWithDejavu } from './textMetrics.ts';
import { CHART_FONT } from './theme.ts';
import { loadVegaBuilds } from './vegaBuilds.ts';

/** Compiles a Vega-Lite spec (any, or a FigureSpec of mesalab's builders) and draws it as a standalone SVG document. */
export async function renderSvg(figure: TopLevelSpec | FigureSpec): Promise<string> {
  const { vega, vegaLite } = await loadVegaBuilds();
  measureTextWithDejavu(vega, dejavuFontFiles());
  const spec = figure as TopLevelSpec;
  // The PNG renderer only has DejaVu, so a spec without a font gets it rather than a fallback.
  const withFont = { ...spec, config: { font: CHART_FONT, ...spec.config } } as TopLevelSpec;
  const view = new vega.View(vega.parse(vegaLite.compile(withFont).spec), { renderer: 'none' });
  try {
    // vega numbers gradients (gradient_0, gradient_1, …) with a counter global to the process, so
    // the second heatmap drawn would differ from the first; restarting it per figure makes every
    // SVG depend only on its spec (byte-stable when regenerated).
    vega.resetSVGDefIds();
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** Loads what drawing needs (vega and vega-lite; resvg is imported above) and finds the fonts, so a command can fail before its work when one is missing. */
export async function loadFigureStack(): Promise<void> {
  await loadVegaBuilds();
  dejavuFontFiles();
}

export interface PngOptions {
  /** Width of the PNG in pixels; the height follows the SVG's aspect ratio. Default 1100. */
  width?: number;
  /** CSS colour behind the drawing. Default white (a transparent figure is unreadable on dark pages). */
  background?: string;
}

/** Rasterises an SVG to PNG bytes with resvg, drawing text in the bundled DejaVu fonts. */
export function svgToPng(svg: string, options: PngOptions = {}): Uint8Array {
  const { width = 1100, background = 'white' } = options;
  if (!Number.isInteger(width) || width < 1) throw new RangeError(`svgToPng: width must be a positive integer, got ${width}`);
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: width },
    background,
    font: { loadSystemFonts: false, fontFiles: dejavuFontFiles(), defaultFontFamily: CHART_FONT, sansSerifFamily: CHART_FONT },
  });
  return resvg.render().asPng();
}

const DEJAVU_FILES = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf', 'DejaVuSans-Oblique.ttf', 'DejaVuSans-BoldOblique.ttf'];

/** Paths of the DejaVu Sans faces shipped by `dejavu-fonts-ttf`: regular, bold, oblique, bold oblique. */
export function dejavuFontFiles(): string[] {
  const root = dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json'));
  return DEJAVU_FILES.map((file) => join(root, 'ttf', file));
}
