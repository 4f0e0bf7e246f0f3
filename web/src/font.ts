/**
 * The charts' font. The library's figures are drawn in DejaVu Sans; the page uses the same faces,
 * so a chart exported from the browser looks like the CLI's PNG. They are not waited for: the
 * first chart is drawn in the fallback font, and the faces — the installed ones if the system has
 * them (most Linux systems do), else the 1.4 MB bundled with the page — load after it; the page
 * redraws once they are in. Nothing is fetched from another host.
 */
import bold from 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf?url';
import regular from 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf?url';
import { CHART_FONT } from './chartSpec.ts';

export async function loadChartFont(): Promise<void> {
  const faces = [
    new FontFace(CHART_FONT, `local("DejaVu Sans"), local("DejaVuSans"), url(${regular})`),
    new FontFace(CHART_FONT, `local("DejaVu Sans Bold"), local("DejaVuSans-Bold"), url(${bold})`, { weight: 'bold' }),
  ];
  for (const face of await Promise.all(faces.map((f) => f.load()))) document.fonts.add(face);
}
