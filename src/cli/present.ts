import { join } from 'node:path';
import { assertFiniteResult } from '../report/finiteJson.ts';
import { jsonDocument } from '../report/jsonChunks.ts';
import { checkFileName } from '../report/outputPath.ts';
import { writeChunksToStream } from '../report/streamWrite.ts';
import type { ExperimentResult } from '../experiment/experiment.ts';
import type { GameResult } from '../experiment/gameExperiment.ts';
import type { PipelineResults } from '../experiment/pipeline.ts';
import { gameResultToJson } from '../report/gameResultJson.ts';
import { resultToJson } from '../report/resultJson.ts';
import { gameSummaryTable, summaryTable } from '../report/summaryTable.ts';
import { FIGURE_PACKAGES, needing } from './optionalPackages.ts';

export interface PresentOptions {
  /** Print each result as one JSON object per line instead of the table. */
  json?: boolean;
  /** Write trajectory.csv, result.json, figure.svg and figure.png here. */
  out?: string;
  /** Put each result's files in a sub-folder named after its scenario. */
  subfolders?: boolean;
}

/** Prints results on stdout (table or JSON Lines) and writes their files; notes go to stderr. */
export function presentResults(results: readonly ExperimentResult[], options: PresentOptions): Promise<void> {
  // The renderers (vega, resvg) load only when files are written.
  const write = (dir: string, result: ExperimentResult) => needing(FIGURE_PACKAGES, '--out (figures)', async () => (await import('../report/writeRunOutputs.ts')).writeRunOutputs(dir, result));
  return present(results, options, { json: resultToJson, table: summaryTable, write, tieWord: 'coefficient' });
}

/** The same for general games: the game contract, the game table and the game files. */
export function presentGameResults(results: readonly GameResult[], options: PresentOptions): Promise<void> {
  const write = (dir: string, result: GameResult) => needing(FIGURE_PACKAGES, '--out (figures)', async () => (await import('../report/writeGameOutputs.ts')).writeGameOutputs(dir, result));
  return present(results, options, { json: gameResultToJson, table: gameSummaryTable, write, tieWord: 'action' });
}

/** Presents a batch from the pipeline with its own contract (seed or game). */
export function presentPipelineResults(batch: PipelineResults, options: PresentOptions): Promise<void> {
  return batch.kind === 'seed' ? presentResults(batch.results, options) : presentGameResults(batch.results, options);
}

interface Presenter<R> {
  json(result: R): unknown;
  table(results: readonly R[]): string;
  write(dir: string, result: R): Promise<unknown>;
  /** What the tie rule picks among ("coefficient", "action"). */
  tieWord: string;
}

async function present<R extends { config: { name: string }; equilibrium: { ties: readonly number[]; tieRule?: string } }>(results: readonly R[], options: PresentOptions, how: Presenter<R>): Promise<void> {
  const documents = results.map((result) => how.json(result));
  for (const document of documents) assertFiniteResult(document);
  if (options.json) {
    // Streamed: a long run's line is longer than the longest string V8 can hold.
    for (const document of documents) await writeChunksToStream(process.stdout, jsonDocument(document));
  } else {
    process.stdout.write(how.table(results));
    for (const { config, equilibrium } of results) {
      if (equilibrium.ties.length > 0) {
        process.stdout.write(`${config.name}: tie rule (${equilibrium.tieRule ?? 'smallest'} ${how.tieWord}) decided episodes ${equilibrium.ties.join(', ')}\n`);
      }
    }
  }
  if (options.out === undefined) return;
  // A scenario's name becomes a folder under --out: one name, never a path out of it.
  if (options.subfolders) for (const { config } of results) checkFileName(config.name, 'name');
  for (const result of results) {
    const dir = options.subfolders ? join(options.out, result.config.name) : options.out;
    await how.write(dir, result);
    process.stderr.write(`wrote ${dir}/{trajectory.csv,result.json,figure.svg,figure.png,figure.vl.json}\n`);
  }
}
