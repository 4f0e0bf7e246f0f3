import { join } from 'node:path';
import type { ExperimentResult } from '../experiment/experiment.ts';
import type { GameResult } from '../experiment/gameExperiment.ts';
import { gameResultToJson } from '../report/gameResultJson.ts';
import { writeGameOutputs } from '../report/writeGameOutputs.ts';
import { resultToJson } from '../report/resultJson.ts';
import { gameSummaryTable, summaryTable } from '../report/summaryTable.ts';
import { writeRunOutputs } from '../report/writeRunOutputs.ts';

export interface PresentOptions {
  /** Print each result as one JSON object per line instead of the table. */
  json?: boolean;
  /** Write trajectory.csv, result.json, figure.svg and figure.png here. */
  out?: string;
  /** Put each result's files in a sub-folder named after its scenario. */
  subfolders?: boolean;
}

/** Prints results on stdout (table or JSON Lines) and writes their files; notes go to stderr. */
export async function presentResults(results: readonly ExperimentResult[], options: PresentOptions): Promise<void> {
  if (options.json) {
    for (const result of results) process.stdout.write(JSON.stringify(resultToJson(result)) + '\n');
  } else {
    process.stdout.write(summaryTable(results));
    for (const { config, equilibrium } of results) {
      if (equilibrium.ties.length > 0) {
        process.stdout.write(`${config.name}: tie rule (smallest coefficient) decided episodes ${equilibrium.ties.join(', ')}\n`);
      }
    }
  }
  if (options.out === undefined) return;
  for (const result of results) {
    const dir = options.subfolders ? join(options.out, result.config.name) : options.out;
    await writeRunOutputs(dir, result);
    process.stderr.write(`wrote ${dir}/{trajectory.csv,result.json,figure.svg,figure.png}\n`);
  }
}

/** The same for general games: table or JSON Lines (the game contract), and files. */
export async function presentGameResults(results: readonly GameResult[], options: PresentOptions): Promise<void> {
  if (options.json) {
    for (const result of results) process.stdout.write(JSON.stringify(gameResultToJson(result)) + '\n');
  } else {
    process.stdout.write(gameSummaryTable(results));
    for (const { config, equilibrium } of results) {
      if (equilibrium.ties.length > 0) {
        process.stdout.write(`${config.name}: tie rule (smallest action) decided episodes ${equilibrium.ties.join(', ')}\n`);
      }
    }
  }
  if (options.out === undefined) return;
  for (const result of results) {
    const dir = options.subfolders ? join(options.out, result.config.name) : options.out;
    await writeGameOutputs(dir, result);
    process.stderr.write(`wrote ${dir}/{trajectory.csv,result.json,figure.svg,figure.png}\n`);
  }
}
