import type { LinearScenario } from '../model/scenario.ts';
import type { TieRuleName } from '../model/tieRuleName.ts';

/** The names of the solvers of linear scenarios, in the order `--solver` lists them. */
export type SolverName = 'grid' | 'exact' | 'reference';

/** A subgame-perfect equilibrium: the coefficient a_n each episode's agent plays. */
export interface Equilibrium {
  readonly solver: SolverName;
  /** a_n for n = 0 … N−1. */
  readonly coefficients: Float64Array;
  /**
   * Episodes whose agent was indifferent between several coefficients (costs equal within the
   * tie tolerance); the scenario's tie rule chose among them.
   */
  readonly ties: readonly number[];
  /** The tie rule that chose (the scenario's, 'smallest' by default). */
  readonly tieRule: TieRuleName;
}

/** One interface for every solver: a scenario in, its equilibrium out. */
export interface Solver {
  readonly name: SolverName;
  /** One line for `--help` and error messages. */
  readonly description: string;
  /** Throws InputError when it cannot solve this scenario, DivergenceError when numbers overflow. */
  solve(scenario: LinearScenario): Equilibrium;
}
