import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { TopLevelSpec } from 'vega-lite';
import type { ExperimentResult } from '../experiment/experiment.ts';
import { writeFileAtomically } from './atomicWrite.ts';
import { renderSvg, svgToPng } from './charts/render.ts';
import { runFigureSpec } from './charts/runFigure.ts';
import { resultToJson } from './resultJson.ts';
import { trajectoryToCsv } from './trajectoryCsv.ts';

/** The files one run writes, in the order they are written. */
export const RUN_OUTPUT_FILES = ['trajectory.csv', 'result.json', 'figure.svg', 'figure.png'] as const;

/**
 * Writes a run's outputs into `dir` (created if missing): trajectory.csv, result.json, and the
 * run's figure as figure.svg and figure.png. Each file is written atomically, so a killed run
 * never leaves a torn file. Resolves with the paths written.
 */
export async function writeRunOutputs(dir: string, result: ExperimentResult): Promise<{ files: string[] }> {
  return writeOutputFiles(dir, trajectoryToCsv(result.trajectory), resultToJson(result), runFigureSpec(result));
}

/** Writes the four output files of any run: its CSV, its JSON (pretty-printed) and its figure. */
export async function writeOutputFiles(dir: string, csv: string, json: unknown, figure: TopLevelSpec): Promise<{ files: string[] }> {
  await mkdir(dir, { recursive: true });
  const svg = await renderSvg(figure);
  const contents: Record<(typeof RUN_OUTPUT_FILES)[number], string | Uint8Array> = {
    'trajectory.csv': csv,
    'result.json': JSON.stringify(json, null, 2) + '\n',
    'figure.svg': svg,
    'figure.png': svgToPng(svg),
  };
  const files: string[] = [];
  for (const name of RUN_OUTPUT_FILES) {
    const file = join(dir, name);
    await writeFileAtomically(file, contents[name]);
    files.push(file);
  }
  return { files };
}
