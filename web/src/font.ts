/**
 * The charts' font. The library's figures are drawn in DejaVu Sans (CHART_FONT); the page loads the
 * same faces from the `dejavu-fonts-ttf` package, bundled with the page, so a chart in the browser
 * looks like the CLI's PNG and nothing is fetched from elsewhere.
 */
import bold from 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf?url';
import regular from 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf?url';
import { CHART_FONT } from '../../src/report/charts/theme.ts';

export async function loadChartFont(): Promise<void> {
  const faces = [new FontFace(CHART_FONT, `url(${regular})`), new FontFace(CHART_FONT, `url(${bold})`, { weight: 'bold' })];
  for (const face of await Promise.all(faces.map((f) => f.load()))) document.fonts.add(face);
}
