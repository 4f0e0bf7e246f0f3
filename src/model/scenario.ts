import { InputError } from '../errors/inputError.ts';
import { linspace } from '../numerics/linspace.ts';
import { checkRange, checkStartValue } from './numbers.ts';
import { checkSchedule, isValidatedSchedule, parseScheduleSpec, type Schedule } from './schedule.ts';
import type { TieRuleName } from './tieRuleName.ts';

/**
 * The seed model with its two first extensions: a linear policy y_n = a_n·θ_n, base loss
 * y² + λθ², mesa cost Σ_{k≥n} γ^(k−n)(y_k − θ_n)² averaged over a prior on θ_n, and one base
 * gradient step per episode: θ_{n+1} = θ_n·(1 − 2ℓ_n(a_n² + λ)).
 */
export interface LinearScenario {
  /** Learning rate ℓ_n per episode. */
  readonly schedule: Schedule;
  /** θ₀, the mesa-optimizer's goal before the first episode (used by rollouts). */
  readonly theta0: number;
  /** Points of the agents' uniform prior over their current θ. */
  readonly prior: Float64Array;
  /** Coefficients an agent may choose from, strictly increasing (grid and reference solvers). */
  readonly coefficientGrid: Float64Array;
  /** γ ∈ [0, 1], the discount on the mesa objective. */
  readonly discount: number;
  /** λ ≥ 0, the weight of the regularizer λθ² in the base objective. */
  readonly regularizer: number;
  /** Which of several equally good coefficients an agent plays (absent: 'smallest', the seed's). */
  readonly tieRule?: TieRuleName;
}

/** Inputs for {@link linearScenario}; everything but the schedule has the seed's default. */
export interface LinearScenarioOptions {
  /** Learning rates, or a spec such as "1x20,0x80". */
  schedule: ArrayLike<number> | string;
  /** Default 0.8. */
  theta0?: number;
  /** Default linspace(−1, 1, 11). */
  prior?: ArrayLike<number>;
  /** Default linspace(−2, 2, 401). */
  coefficientGrid?: ArrayLike<number>;
  /** Default 1 (no discounting). */
  discount?: number;
  /** Default 0 (the seed's base objective y²). */
  regularizer?: number;
  /** Default 'smallest' (the seed's convention). */
  tieRule?: TieRuleName;
}

export const DEFAULT_THETA0 = 0.8;
export const defaultPrior = (): Float64Array => linspace(-1, 1, 11);
export const defaultCoefficientGrid = (): Float64Array => linspace(-2, 2, 401);

/**
 * The defaults, built and checked once and shared by every scenario that does not give its own
 * (a fresh 401-point grid per scenario cost more than solving a 1000-episode schedule). Typed
 * arrays cannot be frozen: scenarios are immutable by contract, and nothing writes into them.
 */
const SHARED_PRIOR = defaultPrior();
const SHARED_GRID = defaultCoefficientGrid();

/**
 * Validates the options, fills in the defaults and returns an immutable scenario. A schedule that
 * schedule.ts already validated (trainThenDeploy, checkSchedule, parseScheduleSpec) is used as it
 * is, not copied; so are the shared default prior and grid.
 */
export function linearScenario(options: LinearScenarioOptions): LinearScenario {
  const given = options.schedule;
  const schedule = typeof given === 'string' ? parseScheduleSpec(given) : isValidatedSchedule(given) ? given : checkSchedule(given);
  const prior = options.prior ?? SHARED_PRIOR;
  const grid = options.coefficientGrid ?? SHARED_GRID;
  return {
    schedule,
    theta0: checkStartValue(options.theta0 ?? DEFAULT_THETA0, 'theta0'),
    prior: prior === SHARED_PRIOR ? SHARED_PRIOR : checkPrior(prior),
    coefficientGrid: grid === SHARED_GRID ? SHARED_GRID : checkGrid(grid),
    discount: checkRange(options.discount ?? 1, 'discount', 0, 1),
    regularizer: checkRange(options.regularizer ?? 0, 'regularizer', 0),
    ...(options.tieRule && options.tieRule !== 'smallest' ? { tieRule: options.tieRule } : {}),
  };
}

function checkPrior(points: ArrayLike<number>): Float64Array {
  if (points.length === 0) throw new InputError('prior', 'needs at least one point');
  const prior = Float64Array.from(points, (p, i) => checkRange(p, `prior[${i}]`));
  // Every cost is E[θ²]·g(a): a prior concentrated on 0 makes every coefficient optimal.
  if (prior.every((p) => p === 0)) throw new InputError('prior', 'needs at least one nonzero point');
  return prior;
}

function checkGrid(points: ArrayLike<number>): Float64Array {
  if (points.length === 0) throw new InputError('coefficientGrid', 'needs at least one coefficient');
  const grid = Float64Array.from(points, (a, i) => checkRange(a, `coefficientGrid[${i}]`));
  for (let i = 1; i < grid.length; i++) {
    if (!(grid[i] > grid[i - 1])) throw new InputError('coefficientGrid', `must be strictly increasing (at index ${i})`);
  }
  return grid;
}
