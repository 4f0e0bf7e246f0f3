import type { ExperimentResult } from '../experiment/experiment.ts';
import type { Metrics } from '../metrics/metrics.ts';

/**
 * The stable JSON contract of `mesalab solve --json`, `mesalab run --json` and result.json.
 * Fields are only ever added, never renamed or removed. Arrays are plain numbers (never NaN:
 * a diverging run is an error, not a result).
 */
export interface ResultJson {
  /** Scenario name ("custom" for `mesalab solve`). */
  scenario: string;
  solver: string;
  /** N, the number of episodes. */
  episodes: number;
  parameters: { theta0: number; discount: number; regularizer: number; priorPoints: number[]; gridPoints: number };
  /** a_n, length N. */
  coefficients: number[];
  /** θ before each episode, then after the last: length N + 1. */
  theta: number[];
  /** y_n = a_n·θ_n, length N. */
  output: number[];
  /** ℓ_n, length N. */
  learningRate: number[];
  /** y_n² + λθ_n², length N. */
  baseLoss: number[];
  /** (y_n − θ_n)², length N. */
  mesaLoss: number[];
  metrics: Metrics;
  /** Episodes whose agent was indifferent; the tie rule chose the coefficient played. */
  ties: number[];
  /** The tie rule that chose: 'smallest' (the seed's), 'largest' or 'honest'. */
  tieRule: string;
}

export function resultToJson(result: ExperimentResult): ResultJson {
  const { config, equilibrium, trajectory: t, metrics } = result;
  const s = config.scenario;
  return {
    scenario: config.name,
    solver: equilibrium.solver,
    episodes: s.schedule.length,
    parameters: {
      theta0: s.theta0,
      discount: s.discount,
      regularizer: s.regularizer,
      priorPoints: Array.from(s.prior),
      gridPoints: s.coefficientGrid.length,
    },
    coefficients: Array.from(t.coefficient),
    theta: Array.from(t.theta),
    output: Array.from(t.output),
    learningRate: Array.from(t.learningRate),
    baseLoss: Array.from(t.baseLoss),
    mesaLoss: Array.from(t.mesaLoss),
    metrics,
    ties: [...equilibrium.ties],
    tieRule: equilibrium.tieRule,
  };
}
