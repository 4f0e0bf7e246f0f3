import type { GameResult } from '../experiment/gameExperiment.ts';
import { gameFigureSpec } from './charts/gameFigure.ts';
import { gameResultToJson } from './gameResultJson.ts';
import { gameTrajectoryCsvChunks } from './gameTrajectoryCsv.ts';
import { writeOutputFiles } from './writeRunOutputs.ts';

/** A game run's trajectory.csv, result.json, figure.svg and figure.png, written atomically into `dir`. */
export function writeGameOutputs(dir: string, result: GameResult): Promise<{ files: string[] }> {
  return writeOutputFiles(dir, gameTrajectoryCsvChunks(result.trajectory), gameResultToJson(result), gameFigureSpec(result));
}
