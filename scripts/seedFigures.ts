/**
 * Regenerates the seed post's figures in docs/: seed-1 and seed-2, as PNG and SVG.
 * Run with `npx tsx scripts/seedFigures.ts`.
 */
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { runExperiment } from '../src/experiment/experiment.ts';
import { parseScenarioConfig } from '../src/model/config.ts';
import { writeFileAtomically } from '../src/report/atomicWrite.ts';
import { renderSvg, svgToPng } from '../src/report/charts/render.ts';
import { runFigureSpec } from '../src/report/charts/runFigure.ts';
import { seed1, seed2 } from '../src/scenarios/seed.ts';

const docs = fileURLToPath(new URL('../docs/', import.meta.url));
await mkdir(docs, { recursive: true });
for (const config of [seed1, seed2]) {
  const result = runExperiment(parseScenarioConfig(config));
  const started = performance.now();
  const svg = await renderSvg(runFigureSpec(result));
  const png = svgToPng(svg);
  console.log(`${result.config.name}: rendered in ${(performance.now() - started).toFixed(0)} ms`);
  await writeFileAtomically(`${docs}${result.config.name}.svg`, svg);
  await writeFileAtomically(`${docs}${result.config.name}.png`, png);
}
