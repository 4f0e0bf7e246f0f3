import type { GameResult } from '../experiment/gameExperiment.ts';
import { gameFigureSpec } from './charts/gameFigure.ts';
import { gameResultToJson } from './gameResultJson.ts';
import { trajectoryCsvChunks } from './trajectoryCsv.ts';
import { provenance as provenanceNow, type Provenance } from './provenance.ts';
import { writeOutputFiles } from './writeRunOutputs.ts';

/** The seeds and run count of a game run: its Monte Carlo runs under a stochastic update. */
export function gameRuns(result: GameResult): { seeds: number[]; runs: number } {
  return result.stochastic === undefined ? { seeds: [], runs: 1 } : { seeds: [result.stochastic.seed], runs: result.stochastic.runs };
}

/** A game run's trajectory.csv, result.json, figure.svg, figure.png and figure.vl.json, written atomically into `dir`. */
export function writeGameOutputs(dir: string, result: GameResult, provenance: Provenance = provenanceNow(gameRuns(result))): Promise<{ files: string[] }> {
  return writeOutputFiles(dir, trajectoryCsvChunks(result.trajectory), gameResultToJson(result), gameFigureSpec(result), provenance);
}
