import { join } from 'node:path';
import type { TopLevelSpec } from 'vega-lite';
import type { ExperimentResult } from '../experiment/experiment.ts';
import { renderSvg, svgToPng } from './charts/render.ts';
import { runFigureSpec } from './charts/runFigure.ts';
import { specFile } from './charts/specFile.ts';
import { provenance as provenanceNow, type Provenance } from './provenance.ts';
import { resultToJson } from './resultJson.ts';
import { coalesce, jsonDocument } from './jsonChunks.ts';
import { makeDirectory, refuseSymlink } from './outputPath.ts';
import { writeChunksAtomically } from './streamWrite.ts';
import { trajectoryCsvChunks } from './trajectoryCsv.ts';
import { seedAsGameTrajectory } from '../rollout/gameTrajectory.ts';

/** The files one run writes, in the order they are written. */
export const RUN_OUTPUT_FILES = ['trajectory.csv', 'result.json', 'figure.svg', 'figure.png', 'figure.vl.json'] as const;

/**
 * Writes a run's outputs into `dir` (created if missing): trajectory.csv, result.json (the
 * `--json` object plus its `provenance`), and the run's figure as figure.svg, figure.png and its
 * Vega-Lite spec figure.vl.json. Each file is written atomically, so a killed run never leaves a
 * torn file. Resolves with the paths written.
 */
export async function writeRunOutputs(dir: string, result: ExperimentResult, provenance: Provenance = provenanceNow({ runs: 1 })): Promise<{ files: string[] }> {
  return writeOutputFiles(dir, trajectoryCsvChunks(seedAsGameTrajectory(result.trajectory, 'theta', 'coefficient')), resultToJson(result), runFigureSpec(result), provenance);
}

/**
 * Writes the output files of any run: its CSV (streamed from its pieces), its JSON
 * (pretty-printed with its provenance, streamed) and its figure with its Vega-Lite spec. None of
 * them may be a symbolic link.
 */
export async function writeOutputFiles(dir: string, csv: Iterable<string>, json: object, figure: TopLevelSpec, provenance: Provenance): Promise<{ files: string[] }> {
  makeDirectory(dir);
  const files = RUN_OUTPUT_FILES.map((name) => join(dir, name));
  for (const file of files) refuseSymlink(file);
  const svg = await renderSvg(figure);
  const contents: Record<(typeof RUN_OUTPUT_FILES)[number], Iterable<string | Uint8Array>> = {
    'trajectory.csv': coalesce(csv),
    'result.json': jsonDocument({ ...json, provenance }, 2),
    'figure.svg': [svg],
    'figure.png': [svgToPng(svg)],
    'figure.vl.json': [specFile(figure, provenance)],
  };
  RUN_OUTPUT_FILES.forEach((name, i) => writeChunksAtomically(files[i], contents[name]));
  return { files };
}

