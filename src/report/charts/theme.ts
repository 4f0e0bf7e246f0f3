import type { Config } from 'vega-lite';

/**
 * The font every chart is drawn in. DejaVu Sans ships with the `dejavu-fonts-ttf` package, so the
 * PNG renderer can load it without system fonts; browsers without it fall back to sans-serif.
 */
export const CHART_FONT = 'DejaVu Sans';

/**
 * The shared look of mesalab's figures: readable type, a white background, light grid lines.
 * Plain JSON, so the browser explorer and the Node renderer draw the same chart.
 */
export function chartConfig(): Config {
  return {
    font: CHART_FONT,
    background: 'white',
    padding: 12,
    view: { stroke: '#888888' },
    title: { fontSize: 17, fontWeight: 'bold', anchor: 'start', offset: 12, subtitleFontSize: 13, subtitleColor: '#444444', subtitlePadding: 4 },
    axis: { labelFontSize: 12, titleFontSize: 13, titleFontWeight: 'normal', gridColor: '#e6e6e6', tickColor: '#888888', domainColor: '#888888' },
    legend: { labelFontSize: 12, titleFontSize: 13, titleFontWeight: 'normal', symbolStrokeWidth: 2.5, symbolSize: 250, labelLimit: 400 },
  };
}
