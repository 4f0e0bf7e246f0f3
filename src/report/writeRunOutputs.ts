import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { TopLevelSpec } from 'vega-lite';
import type { ExperimentResult } from '../experiment/experiment.ts';
import { writeFileAtomically } from './atomicWrite.ts';
import { renderSvg, svgToPng } from './charts/render.ts';
import { runFigureSpec } from './charts/runFigure.ts';
import { specFile } from './charts/specFile.ts';
import { provenance as provenanceNow, type Provenance } from './provenance.ts';
import { resultToJson } from './resultJson.ts';
import { trajectoryToCsv } from './trajectoryCsv.ts';

/** The files one run writes, in the order they are written. */
export const RUN_OUTPUT_FILES = ['trajectory.csv', 'result.json', 'figure.svg', 'figure.png', 'figure.vl.json'] as const;

/**
 * Writes a run's outputs into `dir` (created if missing): trajectory.csv, result.json (the
 * `--json` object plus its `provenance`), and the run's figure as figure.svg, figure.png and its
 * Vega-Lite spec figure.vl.json. Each file is written atomically, so a killed run never leaves a
 * torn file. Resolves with the paths written.
 */
export async function writeRunOutputs(dir: string, result: ExperimentResult, provenance: Provenance = provenanceNow({ runs: 1 })): Promise<{ files: string[] }> {
  return writeOutputFiles(dir, trajectoryToCsv(result.trajectory), resultToJson(result), runFigureSpec(result), provenance);
}

/** Writes the output files of any run: its CSV, its JSON (pretty-printed, with provenance) and its figure. */
export async function writeOutputFiles(dir: string, csv: string, json: object, figure: TopLevelSpec, provenance: Provenance): Promise<{ files: string[] }> {
  await mkdir(dir, { recursive: true });
  const svg = await renderSvg(figure);
  const contents: Record<(typeof RUN_OUTPUT_FILES)[number], string | Uint8Array> = {
    'trajectory.csv': csv,
    'result.json': JSON.stringify({ ...json, provenance }, null, 2) + '\n',
    'figure.svg': svg,
    'figure.png': svgToPng(svg),
    'figure.vl.json': specFile(figure, provenance),
  };
  const files: string[] = [];
  for (const name of RUN_OUTPUT_FILES) {
    const file = join(dir, name);
    await writeFileAtomically(file, contents[name]);
    files.push(file);
  }
  return { files };
}
